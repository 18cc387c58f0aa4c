class E(Exception): pass
print(repr(E()), str(E()), repr(E(1, 2)), str(E(1, 2)))
try:
    E(x=1)
except TypeError as e:
    print(e)
class K(Exception):
    def __init__(self, *, code):
        super().__init__(code)
        self.code = code
print(K(code=3).code, K(code=3).args)
class NoSuper(Exception):
    def __init__(self, a, b):
        self.total = a + b
n = NoSuper(1, 2)
print(n.args, n.total, str(n))
