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

# Test suite: differential cases against CPython-generated expectations.
test: all
	python3 tests/run.py --bin $(BUILD)/sandpy

# Same suite under AddressSanitizer + UndefinedBehaviorSanitizer.
test-asan:
	$(MAKE) BUILD=build-asan OPT=-O1 SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" all
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 python3 tests/run.py --bin build-asan/sandpy

# Benchmarks against CPython 3.11 and Monty (never run by the tests): see docs/performance.md.
# BENCHFLAGS=--quick for a smoke run; --repeat N, --only a,b, --markdown.
$(BUILD)/bench_driver: bench/driver.c include/sandpy.h $(BUILD)/libsandpy.a
	$(CC) $(ALLCFLAGS) -o $@ bench/driver.c $(BUILD)/libsandpy.a $(LDLIBS)

bench: all $(BUILD)/bench_driver
	python3 bench/run.py --driver $(BUILD)/bench_driver $(BENCHFLAGS)

.PHONY: bench

clean:
	rm -rf build build-asan

.PHONY: all test test-asan clean
