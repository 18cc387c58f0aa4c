# limits: --max-memory=67108864
# expect: MemoryError
def g():
    x = [0] * 100
    yield x
keep = []
while True:
    it = g()
    next(it)
    keep.append(it)
