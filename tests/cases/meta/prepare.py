class Recording(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, key, value):
        if not key.startswith("__"):
            self.order.append(key)
        super().__setitem__(key, value)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return Recording()
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = ns.order
        return cls
class A(metaclass=Meta, opt=1):
    z = 1
    a = 2
    def m(self): pass
    z = 3
print(A.order, A.z)
class NoDup(dict):
    def __setitem__(self, k, v):
        if k in self and not k.startswith("__"):
            raise TypeError("duplicate %r" % k)
        super().__setitem__(k, v)
class Strict(type):
    def __prepare__(name, bases):
        return NoDup()
try:
    class B(metaclass=Strict):
        x = 1
        x = 2
except TypeError as e:
    print(e)
class Bad(type):
    def __prepare__(name, bases):
        return 5
try:
    class C(metaclass=Bad): pass
except TypeError as e:
    print(e)
print(type.__prepare__("x", ()), Meta.__prepare__.__name__)
