def inner():
    x = yield 1
    print('inner got', x)
    yield 2
    return 'inner-done'
def outer():
    r = yield from inner()
    print('result', r)
    yield from range(3)
g = outer()
print(next(g), g.send('hello'), list(g))
