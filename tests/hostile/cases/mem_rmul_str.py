# limits: --max-duration=1
# expect: MemoryError
10**12 * 'ab'
