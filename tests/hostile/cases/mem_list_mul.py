# limits: --max-duration=1
# expect: MemoryError
[0] * 10**12
