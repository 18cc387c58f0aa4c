def f():
    def g():
        nonlocal q
        return q
    return g
