# limits: --max-duration=1
# expect: MemoryError
'%*d' % (10**10, 1)
