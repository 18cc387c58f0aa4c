# limits: --max-memory=67108864
# expect: MemoryError
list(range(10**10))
