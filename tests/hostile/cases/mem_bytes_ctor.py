# limits: --max-duration=1
# expect: MemoryError
bytes(10**12)
