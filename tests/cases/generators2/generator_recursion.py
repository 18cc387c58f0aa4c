def walk(t):
    if isinstance(t, list):
        for x in t:
            yield from walk(x)
    else:
        yield t
print(list(walk([1, [2, [3, [4]], 5]])))
