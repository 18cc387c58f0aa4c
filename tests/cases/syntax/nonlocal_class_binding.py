def f():
    class C:
        q = 1
        def m(self):
            nonlocal q
            q = 2
