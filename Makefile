# sandpy - `make` needs only a C11 compiler and make.
CC ?= cc
BUILD ?= build
OPT ?= -O2
SAN ?=
CFLAGS_BASE = -std=c11 -Wall -Wextra -Werror -fPIC -D_POSIX_C_SOURCE=200809L -Isrc -Iinclude
CFLAGS ?= $(OPT) -g
ALLCFLAGS = $(CFLAGS_BASE) $(CFLAGS) $(SAN)
LDLIBS = -lm

SRCS := $(sort $(wildcard src/*.c))
OBJS := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(SRCS))
HDRS := $(wildcard src/*.h) include/sandpy.h

all: $(BUILD)/libsandpy.a $(BUILD)/libsandpy.so $(BUILD)/sandpy

$(BUILD)/obj/%.o: src/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -c $< -o $@

$(BUILD)/libsandpy.a: $(OBJS)
	@rm -f $@
	ar rcs $@ $(OBJS)

$(BUILD)/libsandpy.so: $(OBJS)
	$(CC) -shared $(SAN) -o $@ $(OBJS) $(LDLIBS)

$(BUILD)/sandpy: cli/main.c include/sandpy.h $(BUILD)/libsandpy.a
	$(CC) $(ALLCFLAGS) -o $@ cli/main.c $(BUILD)/libsandpy.a $(LDLIBS)

# C API tests (tests/c/test_*.c) and examples (examples/*.c), linked
# against the static library; each test prints "N passed, N failed".
CTESTS := $(patsubst tests/c/%.c,$(BUILD)/ctests/%,$(wildcard tests/c/test_*.c))
EXAMPLES := $(patsubst examples/%.c,$(BUILD)/examples/%,$(wildcard examples/*.c))
CTEST_FLAGS = -pthread -DSP_BUILD_DIR='"$(BUILD)"'

$(BUILD)/ctests/%: tests/c/%.c tests/c/harness.h include/sandpy.h $(BUILD)/libsandpy.a
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) $(CTEST_FLAGS) -o $@ $< $(BUILD)/libsandpy.a $(LDLIBS)

$(BUILD)/examples/%: examples/%.c include/sandpy.h $(BUILD)/libsandpy.a
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -o $@ $< $(BUILD)/libsandpy.a $(LDLIBS)

ctests: $(CTESTS) $(EXAMPLES)

# Test suite: differential cases against CPython-generated expectations,
# plus the C API tests.
test: all ctests
	python3 tests/run.py --bin $(BUILD)/sandpy --ctests $(BUILD)/ctests

# Same suite under AddressSanitizer + UndefinedBehaviorSanitizer.
test-asan:
	$(MAKE) BUILD=build-asan OPT=-O1 SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" all
	$(MAKE) BUILD=build-asan OPT=-O1 SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" ctests
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 python3 tests/run.py --bin build-asan/sandpy --ctests build-asan/ctests

# GC stress: the whole suite on an ASan+UBSan build that collects at nearly
# every safe point (-DSP_GC_STRESS, src/sp_conf.h), so a value C code forgot
# to root is freed while still in use and reported.  Slow (~8.5 minutes on
# two cores), so CI does not run it.  GCSTRESS_FILTER: a subset of the cases.
GCSTRESS = BUILD=build-gcstress OPT=-O1 CFLAGS="-O1 -g -DSP_GC_STRESS" SAN="$(SAN_ASAN)"
test-gcstress:
	$(MAKE) $(GCSTRESS) all
	$(MAKE) $(GCSTRESS) ctests
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 python3 tests/run.py \
	  --bin build-gcstress/sandpy --ctests build-gcstress/ctests --timeout 600 $(GCSTRESS_FILTER)

# The C API tests (8 threads with their own interpreters) under ThreadSanitizer.
test-tsan:
	$(MAKE) BUILD=build-tsan OPT=-O1 SAN=-fsanitize=thread ctests
	python3 tests/run.py --ctests build-tsan/ctests --no-cases --no-hostile

# Robustness (docs/robustness.md).  test-hostile: the hostile corpus alone
# (make test runs it too); test-seccomp: the corpus under a seccomp filter;
# test-allocfail: fail each allocation in turn (ALLOCFAIL_FLAGS=--per-case N);
# fuzz: the libFuzzer harnesses, FUZZ_SECONDS each (clang).
SAN_ASAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_SECONDS ?= 60
# clang's pointer-overflow check flags NULL + 0 (args + nargs with no args),
# which C2y defines and every compiler does the obvious thing with.
FUZZ_SAN = -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize=pointer-overflow \
	-fno-omit-frame-pointer -fno-sanitize-recover=all

test-hostile: all
	python3 tests/hostile/run.py --bin $(BUILD)/sandpy

$(BUILD)/sandpy-seccomp: tests/hostile/seccomp_run.c include/sandpy.h $(BUILD)/libsandpy.a
	$(CC) $(ALLCFLAGS) -D_DEFAULT_SOURCE -o $@ $< $(BUILD)/libsandpy.a $(LDLIBS)

test-seccomp: $(BUILD)/sandpy-seccomp
	python3 tests/hostile/run.py --bin $(BUILD)/sandpy-seccomp

test-allocfail:
	$(MAKE) BUILD=build-asan OPT=-O1 SAN="$(SAN_ASAN)" all
	python3 tests/alloc_fail.py --bin build-asan/sandpy $(ALLOCFAIL_FLAGS)

fuzz:
	$(MAKE) BUILD=build-fuzz CC=clang CFLAGS="-O1 -g -Wno-error -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION" \
	  SAN="$(FUZZ_SAN)" build-fuzz/libsandpy.a
	for h in source gen input snap qc; do \
	  clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize=pointer-overflow -fno-sanitize-recover=all -Iinclude -Isrc -Itests/fuzz \
	    -o build-fuzz/fuzz_$$h tests/fuzz/fuzz_$$h.c build-fuzz/libsandpy.a -lm || exit 1; done
	clang -std=c11 -g -O1 -DFUZZ_GEN_MAIN -Iinclude -Itests/fuzz -fsanitize=address,undefined \
	  -o build-fuzz/fuzz_gen_print tests/fuzz/fuzz_gen.c build-fuzz/libsandpy.a -lm
	clang -std=c11 -g -O1 -DFUZZ_SNAP_SEEDS -Iinclude -Itests/fuzz -fsanitize=address,undefined \
	  -o build-fuzz/fuzz_snap_seeds tests/fuzz/fuzz_snap.c build-fuzz/libsandpy.a -lm
	python3 tests/fuzz/run.py --build build-fuzz --seconds $(FUZZ_SECONDS) $(FUZZ_HARNESSES)

.PHONY: test-hostile test-seccomp test-allocfail fuzz

# Benchmarks against CPython 3.11 and Monty (never run by the tests): see docs/performance.md.
# BENCHFLAGS=--quick for a smoke run; --repeat N, --only a,b, --markdown.
$(BUILD)/bench_driver: bench/driver.c include/sandpy.h $(BUILD)/libsandpy.a
	$(CC) $(ALLCFLAGS) -o $@ bench/driver.c $(BUILD)/libsandpy.a $(LDLIBS)

bench: all $(BUILD)/bench_driver
	python3 bench/run.py --driver $(BUILD)/bench_driver $(BENCHFLAGS)

.PHONY: bench

clean:
	rm -rf build build-asan build-tsan build-fuzz build-gcstress

.PHONY: all test test-asan test-tsan test-gcstress ctests clean
