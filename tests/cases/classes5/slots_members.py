# __slots__: member descriptors on the class, messages, validation, inheritance
class C:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


c = C(1)
print(c.x, hasattr(c, "y"), getattr(c, "y", "dflt"), hasattr(c, "__dict__"))
def get_y():
    return c.y


def set_z():
    c.z = 1


def del_y():
    del c.y


def del_z():
    del c.z


for f in (get_y, set_z, del_y, del_z, lambda: getattr(c, "y")):
    try:
        f()
    except AttributeError as e:
        print(repr(e))
print(type(C.x).__name__, repr(C.x), repr(C.y))
print(C.x.__get__(c, C), C.x.__name__, C.x.__objclass__, C.x.__get__(None, C) is C.x)
C.x.__set__(c, 5)
C.y.__set__(c, 6)
print(c.x, c.y)
C.y.__delete__(c)
print(hasattr(c, "y"))
try:
    C.x.__get__(3, int)
except TypeError as e:
    print("TypeError", e)
try:
    C.x.__set__("s", 1)
except TypeError as e:
    print("TypeError", e)
print(sorted(k for k in C.__dict__ if k in ("x", "y", "__slots__")), C.__slots__)


class D(C):
    __slots__ = ("z",)


d = D(2)
d.z = 3
d.y = 4
print(d.x, d.y, d.z, D.__slots__, hasattr(d, "__dict__"), repr(D.z), D.x is C.x)
try:
    d.w = 1
except AttributeError as e:
    print(repr(e))


class E(C):
    pass


e = E(1)
e.w = 2
print(e.w, e.x, hasattr(e, "__dict__"))
try:
    e.y
except AttributeError as ex:
    print(repr(ex))


class F:
    __slots__ = ("a", "__dict__")


f = F()
f.a = 1
f.b = 2
print(f.a, f.b, f.__dict__.get("b"))


class G:
    __slots__ = "__weakref__", "v"


g = G()
g.v = 1
print(g.v, repr(G.v))


class S:
    __slots__ = "only"


s = S()
s.only = 1
print(s.only, S.__slots__, repr(S.only))


class Priv:
    __slots__ = ("__secret", "__dunder__")

    def set(self, v):
        self.__secret = v
        return self.__secret


p = Priv()
print(p.set(7), sorted(k for k in Priv.__dict__ if "secret" in k or k == "__dunder__"))


class L:
    __slots__ = ["a", "b"]


class DK:
    __slots__ = {"a": "doc a", "b": "doc b"}


lo = L()
lo.a = 1
print(lo.a, repr(L.b), repr(DK.a))

bad_bodies = [
    {"__slots__": (1,)},
    {"__slots__": ("1a",)},
    {"__slots__": ("__dict__", "__dict__")},
    {"__slots__": ("x",), "x": 1},
    {"__slots__": ("a b",)},
    {"__slots__": ()},
]
for body in bad_bodies:
    try:
        type("Bad", (), body)
        print("ok", body)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class A1:
    __slots__ = ("a",)


class B1:
    __slots__ = ("b",)


try:
    class X(A1, B1):
        pass
except TypeError as e:
    print("TypeError", e)


class A2(A1):
    pass


class Y(A2, A1):
    __slots__ = ()


class Z(A1, object):
    pass


print(Y.__mro__ == (Y, A2, A1, object), Z().__class__.__name__)
for base in (tuple, int, bytes):
    try:
        type("T", (base,), {"__slots__": ("a",)})
    except TypeError as e:
        print("TypeError", e)


class T2(str):
    __slots__ = ("a",)


t2 = T2("x")
t2.a = 1
print(t2, t2.a)


class Dup:
    __slots__ = ("x", "x")


print(repr(Dup.x))


class WithGetattr:
    __slots__ = ("h",)

    def __getattr__(self, n):
        return "ga-" + n


w = WithGetattr()
print(w.h, w.other)
w.h = 1
print(w.h)
