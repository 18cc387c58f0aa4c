# limits: --max-duration=1
# expect: MemoryError
1 << 10**10
