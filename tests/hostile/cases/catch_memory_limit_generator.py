# limits: --max-memory=67108864
# expect: MemoryError
def g():
    keep = []
    while True:
        try:
            keep.append(bytes(10**6))
            yield len(keep)
        except MemoryError:
            yield -1
for x in g():
    pass
