# limits: --max-duration=1
# expect: MemoryError
'{:>10000000000}'.format(1)
