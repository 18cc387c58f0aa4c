# limits: --max-memory=67108864
# expect: MemoryError
sorted(range(10**10))
