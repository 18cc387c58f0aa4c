# limits: --max-memory=67108864
# expect: MemoryError
x = [[0] * 10**4 for _ in range(10**4)]
