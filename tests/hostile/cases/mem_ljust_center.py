# limits: --max-duration=1
# expect: MemoryError
'x'.center(10**12, '*')
