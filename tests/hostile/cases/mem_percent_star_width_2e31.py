# limits: --max-duration=1
# expect: MemoryError
'%*d' % (2**31, 1)
