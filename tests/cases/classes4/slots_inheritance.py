class A:
    __slots__ = ("a",)
class B(A):
    __slots__ = ("b",)
b = B()
b.a, b.b = 1, 2
print(b.a, b.b)
try:
    b.c = 3
except AttributeError as e:
    print(e)
class C(B):
    pass
c = C()
c.c = 3
print(c.c, c.__dict__)
class D:
    __slots__ = ("x", "__dict__")
d = D()
d.y = 1
print(d.y)
