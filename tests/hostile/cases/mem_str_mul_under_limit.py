# limits: --max-memory=67108864
# expect: MemoryError
x = 'abc' * 10**8
