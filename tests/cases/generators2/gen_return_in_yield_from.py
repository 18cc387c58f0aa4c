def a():
    yield 1
    return 'A'
def b():
    x = yield from a()
    yield x
print(list(b()))
