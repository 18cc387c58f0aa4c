# limits: --max-memory=67108864
# expect: MemoryError
b''.join([b'x' * 10**6] * 1000)
