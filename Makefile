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

# The C API tests (8 threads with their own interpreters) under ThreadSanitizer.
test-tsan:
	$(MAKE) BUILD=build-tsan OPT=-O1 SAN=-fsanitize=thread ctests
	python3 tests/run.py --ctests build-tsan/ctests --no-cases --no-hostile

# Benchmarks against CPython 3.11 and Monty (never run by the tests): see docs/performance.md.
# BENCHFLAGS=--quick for a smoke run; --repeat N, --only a,b, --markdown.
$(BUILD)/bench_driver: bench/driver.c include/sandpy.h $(BUILD)/libsandpy.a
	$(CC) $(ALLCFLAGS) -o $@ bench/driver.c $(BUILD)/libsandpy.a $(LDLIBS)

bench: all $(BUILD)/bench_driver
	python3 bench/run.py --driver $(BUILD)/bench_driver $(BENCHFLAGS)

.PHONY: bench

clean:
	rm -rf build build-asan build-tsan

.PHONY: all test test-asan test-tsan ctests clean
