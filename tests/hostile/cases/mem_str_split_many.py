# limits: --max-memory=67108864
# expect: MemoryError
x = ('ab' * 10**7).split('a')
