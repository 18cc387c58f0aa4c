# limits: --max-duration=1 --max-memory=67108864
# expect: TimeoutError|MemoryError
' '.join(map(str, range(10**9)))
