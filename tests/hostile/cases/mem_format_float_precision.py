# limits: --max-duration=1
# expect: MemoryError
format(1.5, '.1000000000f')
