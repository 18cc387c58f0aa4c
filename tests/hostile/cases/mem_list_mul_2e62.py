# limits: --max-duration=1
# expect: MemoryError
[None] * (2**62)
