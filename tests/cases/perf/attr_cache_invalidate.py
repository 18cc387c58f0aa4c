# Per-site attribute caches (LOAD_ATTR/STORE_ATTR) and the class lookup
# cache must notice every change that alters what o.name means.

def warm(f, *args):
    r = None
    for _ in range(300):
        r = f(*args)
    return r

def get_x(o):
    return o.x

def set_x(o, v):
    o.x = v

# a property added later shadows the instance attribute (data descriptor)
class A:
    def __init__(self):
        self.x = 1
a = A()
print(warm(get_x, a))
A.x = property(lambda self: "prop")
print(get_x(a), a.__dict__)
try:
    set_x(a, 5)
except AttributeError as e:
    print("AttributeError", e)
del A.x
print(get_x(a))
warm(set_x, a, 7)
print(get_x(a))

# a descriptor class gaining __set__ later becomes a data descriptor
class D:
    def __get__(self, obj, typ=None):
        return "D.get"
class B:
    pass
b = B()
b.__dict__["x"] = "inst"
B.x = D()
print(warm(get_x, b))
D.__set__ = lambda self, obj, v: print("D.set", v)
print(get_x(b))
set_x(b, 3)
print(b.__dict__)

# __class__ assignment between classes
class C1:
    pass
class C2:
    @property
    def x(self):
        return "C2.x"
c = C1()
c.x = "c1"
print(warm(get_x, c))
c.__class__ = C2
print(get_x(c))
c.__class__ = C1
print(get_x(c))

# setattr / __dict__ updates, replacement, deletion, re-insertion
class E:
    pass
e = E()
setattr(e, "x", 1)
print(warm(get_x, e))
e.__dict__["x"] = 2
print(get_x(e))
e.__dict__ = {"y": 0, "x": 3}
print(get_x(e))
del e.x
try:
    get_x(e)
except AttributeError as err:
    print("AttributeError", err)
e.z = 1
e.x = 4
print(get_x(e), list(e.__dict__))
e.__dict__.clear()
e.__dict__["".join(["x"])] = 5      # an equal key, not the interned str
print(warm(get_x, e))
warm(set_x, e, 6)
print(e.__dict__)

# hooks added to the class later
class H:
    pass
h = H()
h.x = 1
print(warm(get_x, h))
H.__getattribute__ = lambda self, n: "ga:" + n
print(get_x(h))
del H.__getattribute__
print(get_x(h))
warm(set_x, h, 2)
H.__setattr__ = lambda self, n, v: print("setattr", n, v)
set_x(h, 9)
print(get_x(h))
del H.__setattr__
H.__getattr__ = lambda self, n: "getattr:" + n
del h.x
print(get_x(h))

# a metaclass __setattr__ that changes the class (and one that does not)
class Meta(type):
    def __setattr__(cls, n, v):
        if n == "skip":
            return
        super().__setattr__(n, property(lambda self: ("meta", v)))
class M(metaclass=Meta):
    pass
m = M()
m.x = "inst"
print(warm(get_x, m))
M.skip = 1
print(get_x(m))
M.x = 42
print(get_x(m))

# __slots__: a store the cache has seen must still refuse other names
class S:
    __slots__ = ("x",)
s = S()
warm(set_x, s, 1)
print(get_x(s))
def set_y(o):
    o.y = 1
try:
    set_y(s)
except AttributeError as err:
    print("AttributeError", err)

# polymorphic sites, and inherited attributes changed on a base
class P:
    def __init__(self, v):
        self.x = v
class Q(P):
    pass
class R(P):
    pass
objs = [P(1), Q(2), R(3)]
def total():
    return sum(get_x(o) for o in objs)
print(warm(total))
P.x = property(lambda self: 100)
print(total())
del P.x
Q.x = property(lambda self: 10)
print(total())

# classes created and dropped in a loop (addresses may be reused)
def make(i):
    class K:
        if i % 2:
            x = property(lambda self: "prop%d" % i)
    k = K()
    k.__dict__["x"] = "dict%d" % i
    return get_x(k)
print([make(i) for i in range(40)][-4:])

# super() lookups after the base's method is replaced
class Base:
    def f(self):
        return "base"
class Sub(Base):
    def f(self):
        return "sub+" + super().f()
o = Sub()
print(warm(o.f))
Base.f = lambda self: "patched"
print(o.f())
