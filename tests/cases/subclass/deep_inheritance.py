class A(str):
    def a(self): return "a" + self
class B(A):
    def b(self): return "b" + self
class C(B):
    def __repr__(self): return "C" + super().__repr__()
c = C("x")
print(c, repr(c), c.a(), c.b(), c + "y", isinstance(c, A), len(C.__mro__), [k.__name__ for k in C.__mro__])
class N1(int): pass
class N2(N1):
    def __add__(self, o): return N2(int(self) + int(o) + 100)
class N3(N2): pass
print(N3(1) + 1, type(N3(1) + 1).__name__, 1 + N3(1), N1(1) + N3(1), N3(1) + N1(1))
