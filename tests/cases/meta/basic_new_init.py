class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("new", mcls.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith('__')), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.created_by = mcls.__name__
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("init", name, kw)
        super().__init__(name, bases, ns)
class A(metaclass=Meta, flag=True):
    x = 1
    def f(self): return self.x
class B(A):
    y = 2
print(type(A) is Meta, type(B) is Meta, isinstance(A, Meta), isinstance(A, type))
print(A.created_by, B.created_by, B().f(), B.y)
print(type(B()).__name__, Meta.__mro__)
