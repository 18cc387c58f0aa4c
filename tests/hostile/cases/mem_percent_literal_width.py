# limits: --max-duration=1
# expect: MemoryError
'%10000000000s' % 'x'
