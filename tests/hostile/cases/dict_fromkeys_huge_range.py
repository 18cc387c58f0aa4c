# limits: --max-duration=1 --max-memory=67108864
# expect: TimeoutError|MemoryError
dict.fromkeys(range(10**12))
