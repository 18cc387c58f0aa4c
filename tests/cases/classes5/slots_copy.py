# copy/deepcopy of instances limited to __slots__ (CPython: state (None, slots), setattr each)
import copy
class C:
    __slots__ = ("a", "b")
c = C(); c.a = [1]
d = copy.copy(c); print(d.a, d.a is c.a, hasattr(d, "b"))
e = copy.deepcopy(c); print(e.a, e.a is c.a, hasattr(e, "b"))
c.b = c
f = copy.deepcopy(c); print(f.b is f, f.a == [1])
class D(C):
    __slots__ = ("z",)
    def __setattr__(self, k, v):
        print("setattr", k)
        object.__setattr__(self, k, v)
dd = D(); dd.z = 5
g = copy.copy(dd); print(g.z)
empty = copy.copy(C()); print(hasattr(empty, "a"))
class E(C):
    pass
e2 = E(); e2.a = 1; e2.q = 2
h = copy.copy(e2); print(h.a, h.q)
class G:
    __slots__ = ("v",)
    def __getstate__(self):
        return {"v": 99}
    def __setstate__(self, st):
        self.v = st["v"]
gg = G(); gg.v = 1; print(copy.copy(gg).v)
