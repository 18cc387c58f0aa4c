# limits: --max-memory=67108864
# expect: MemoryError
tuple(range(10**10))
