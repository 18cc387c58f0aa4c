# collecting garbage in C loops must not loosen the bound: live data still hits it
# limits: --max-memory=16000000
# expect: MemoryError
x = list(map(str, range(10**6)))
