# limits: --max-duration=1 --max-memory=67108864
# expect: TimeoutError|MemoryError
''.join('x' for _ in range(10**12))
