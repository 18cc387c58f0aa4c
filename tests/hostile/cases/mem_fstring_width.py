# limits: --max-duration=1
# expect: MemoryError
f'{0:>{10**10}}'
