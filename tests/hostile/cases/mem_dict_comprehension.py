# limits: --max-memory=67108864
# expect: MemoryError
d = {i: 'x' * 1000 for i in range(10**6)}
