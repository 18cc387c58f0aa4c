# limits: --max-duration=1
# expect: MemoryError
'x' * (2**62)
