# limits: --max-memory=67108864
# expect: MemoryError
def g():
    while True:
        yield [0] * 10**5
l = list(g())
