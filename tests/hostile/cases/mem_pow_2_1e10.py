# issue 4 target: stops within 1.1 s under a 1 s limit
# limits: --max-duration=1
# expect: MemoryError|TimeoutError
2 ** (10**10)
