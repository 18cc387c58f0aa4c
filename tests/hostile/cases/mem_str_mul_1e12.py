# must fail at once, without trying
# limits: --max-duration=1
# expect: MemoryError
'a' * 10**12
