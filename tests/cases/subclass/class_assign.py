def attempt(f):
    try:
        f()
        print("ok")
    except TypeError as e:
        print("TypeError", e)
class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
a = A()
a.x = 1
a.__class__ = B
print(a.who(), a.x, type(a).__name__, isinstance(a, B))
class L1(list): pass
class L2(list): pass
l = L1([1])
l.__class__ = L2
print(type(l).__name__, l)
class I(int): pass
class J(int): pass
attempt(lambda: setattr(I(1), "__class__", J))
attempt(lambda: setattr(A(), "__class__", L1))
attempt(lambda: setattr(L1(), "__class__", A))
attempt(lambda: setattr(L1(), "__class__", list))
attempt(lambda: setattr(A(), "__class__", int))
attempt(lambda: setattr(1, "__class__", I))
attempt(lambda: setattr(A(), "__class__", 5))
def delc():
    del A().__class__
attempt(delc)
class E1(Exception): pass
class E2(Exception): pass
e = E1("m")
e.__class__ = E2
print(type(e).__name__, e.args)
class D1(dict): pass
class D2(dict):
    def __missing__(self, k):
        return 0
d = D1()
d.__class__ = D2
print(d["x"])
