# limits: --max-duration=1 --max-memory=67108864
# expect: MemoryError|TimeoutError
x = 10 ** (10**8)
