class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        cls.options = dict(sorted(kw.items()))
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class A(metaclass=Meta, a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10):
    pass
print(A.options)
class B(A, z=0):
    pass
print(B.options)
opts = {"x": 1, "y": 2}
class C(A, **opts):
    pass
print(C.options)
