def f():
    q = 1
    def g():
        global q
        def h():
            nonlocal q
