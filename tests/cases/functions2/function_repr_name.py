def foo():
    pass
print(foo.__name__, (lambda: 0).__name__, repr(foo).startswith('<function foo at 0x'))
