# limits: --max-memory=67108864
# expect: MemoryError
[*range(10**10)]
