# A huge module-level comprehension of big items: MemoryError, not a crash.
# limits: --max-memory=67108864
# expect: MemoryError
big = {i: [i] * 8 for i in range(10 ** 9)}
