def f():
    "doc here"
    return 1
print(f.__name__, f.__doc__, f())
g = lambda: 0
print(g.__name__)
