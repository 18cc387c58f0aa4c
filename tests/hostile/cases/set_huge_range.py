# limits: --max-duration=1 --max-memory=67108864
# expect: TimeoutError|MemoryError
set(range(10**12))
