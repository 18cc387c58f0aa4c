def f():
    q = 1
    def g():
        global q
        nonlocal q
