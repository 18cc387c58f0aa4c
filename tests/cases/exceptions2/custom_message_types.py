for e in [ValueError(1), ValueError([1, 2]), ValueError(None), KeyError(1, 2), OSError('x')]:
    print(str(e), repr(e))
