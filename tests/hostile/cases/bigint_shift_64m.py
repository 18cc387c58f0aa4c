# limits: --max-memory=67108864
# expect: MemoryError
x = 1 << 10**9
