# limits: --max-memory=67108864
# expect: MemoryError
l = [list(range(1000))] * 10**4
s = str(l)
