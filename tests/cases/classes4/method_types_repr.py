class A:
    def m(self): pass
    @classmethod
    def c(cls): pass
    @staticmethod
    def s(): pass
a = A()
print(type(a.m).__name__, type(A.m).__name__, type(a.c).__name__, type(A.s).__name__)
print(repr(A.m).split(" at ")[0], repr(a.m).startswith("<bound method A.m of <__main__.A object"))
print(repr(A.c).startswith("<bound method A.c of <class '__main__.A'>"), A.c.__self__ is A)
print(repr(A.__dict__["s"]).startswith("<staticmethod(<function A.s"), repr(A.__dict__["c"]).startswith("<classmethod(<function A.c"))
