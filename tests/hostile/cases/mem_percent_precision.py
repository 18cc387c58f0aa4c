# limits: --max-duration=1
# expect: MemoryError
'%.*f' % (10**9, 1.5)
