class A:
    def f(self, x): return ("A", x)
    @classmethod
    def c(cls): return ("A.c", cls.__name__)
class B(A):
    def f(self, x): return ("B",) + super().f(x)
    @classmethod
    def c(cls): return ("B.c",) + super().c()
    def g(self): return super(B, self).f(7)
print(B().f(1), B.c(), B().c(), B().g())
class C(B):
    def f(self, x):
        return super(B, self).f(x)
print(C().f(2))
try:
    super()
except RuntimeError as e:
    print(e)
try:
    super(B, 1)
except TypeError as e:
    print(e)
s = super(B, B())
print(type(s).__name__, s.f(3))
try:
    s.nope
except AttributeError as e:
    print(e)
