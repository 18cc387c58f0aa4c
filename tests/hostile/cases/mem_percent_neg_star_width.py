# limits: --max-duration=1
# expect: MemoryError
'%-*s' % (-10**10, 'x')
