def f(x):
    def g():
        return x * 2
    x += 1
    return g
print(f(5)())
def h(*args, **kw):
    return lambda: (args, kw)
print(h(1, a=2)())
