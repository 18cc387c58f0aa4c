class A(int):
    def __new__(cls, v):
        print("new", cls.__name__, v)
        return super().__new__(cls, v * 2)
    def __init__(self, v):
        print("init", v, int(self))
a = A(3)
print(a)
class B(str):
    def __init__(self, v):
        self.orig = v
b = B("x")
print(b, b.orig)
class C(tuple):
    def __init__(self, items):
        self.n = len(self)
c = C([1, 2, 3])
print(c, c.n)
class D(int):
    def __new__(cls):
        return 42
print(D(), type(D()).__name__)
class E(float):
    def __new__(cls, *args):
        return float.__new__(cls, sum(args))
print(E(1, 2, 3.5), type(E(1)).__name__)
