# overridden __setitem__/__delitem__ on dict-like subclasses: which paths call it (CPython 3.11)
from collections import OrderedDict, Counter, defaultdict

log = []


def mk(base):
    class S(base):
        def __setitem__(self, k, v):
            log.append(("set", k, v))
            super().__setitem__(k, v)

        def __delitem__(self, k):
            log.append(("del", k))
            super().__delitem__(k)

        def __getitem__(self, k):
            log.append(("get", k))
            return super().__getitem__(k)
    S.__name__ = S.__qualname__ = "S" + base.__name__
    return S


def show(label, f):
    log.clear()
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    print(label, r, log)


D = mk(dict)
O = mk(OrderedDict)
C = mk(Counter)
DD = mk(defaultdict)

show("dict init", lambda: D({"a": 1}, b=2))
d = D()
show("dict update", lambda: (d.update({"a": 1}, b=2), d.update([("c", 3)]), dict(d))[2])
show("dict setdefault", lambda: d.setdefault("z", 9))
show("dict fromkeys", lambda: D.fromkeys("xy", 0))
show("dict copy", lambda: type(d.copy()).__name__)
show("dict ior", lambda: dict(d.__ior__({"q": 1})))
show("dict or", lambda: type(d | {"w": 1}).__name__)
show("dict pop", lambda: d.pop("a"))
show("dict popitem", lambda: d.popitem())

show("od init", lambda: O({"a": 1}, b=2))
o = O()
show("od update", lambda: (o.update({"a": 1}, b=2), o.update([("c", 3)]), list(o.items()))[2])
show("od update kw", lambda: (o.update(x=5), list(o))[1])
show("od setdefault new", lambda: o.setdefault("z", 9))
show("od setdefault old", lambda: o.setdefault("a", 9))
show("od fromkeys", lambda: O.fromkeys("xy", 0))
show("od copy", lambda: o.copy())
show("od ior", lambda: o.__ior__({"q": 1}) is o)
show("od or", lambda: o | {"w": 1})
show("od ror", lambda: {"w": 1} | o)
show("od pop", lambda: o.pop("a"))
show("od pop missing", lambda: o.pop("nope", "dflt"))
show("od popitem", lambda: o.popitem())
show("od popitem first", lambda: o.popitem(last=False))
show("od move_to_end", lambda: (o.move_to_end("c"), list(o))[1])
show("od repr", lambda: repr(o))

show("counter init", lambda: C("abca"))
c = C()
show("counter update empty mapping", lambda: (c.update({"a": 2}), dict(c))[1])
show("counter update mapping", lambda: (c.update({"a": 1, "b": 1}), dict(c))[1])
show("counter update iterable", lambda: (c.update("ab"), dict(c))[1])
show("counter update kw", lambda: (c.update(z=1), dict(c))[1])
show("counter subtract", lambda: (c.subtract("a"), dict(c))[1])
show("counter subtract mapping", lambda: (c.subtract({"b": 1}), dict(c))[1])
show("counter iadd", lambda: dict(c.__iadd__(Counter("a"))))
show("counter isub", lambda: dict(c.__isub__(Counter("aaaaaaaaaa"))))
show("counter missing", lambda: c["nope"])
show("counter fromkeys", lambda: C.fromkeys("ab"))

dd = DD(list)
show("defaultdict missing", lambda: dd["k"])
show("defaultdict update", lambda: (dd.update({"a": 1}), dict(dd))[1])
show("defaultdict init", lambda: dict(DD(int, {"a": 1}, b=2)))
show("defaultdict setdefault", lambda: dd.setdefault("s", 1))
show("defaultdict copy", lambda: dict(dd.copy()))
c2 = C(a=3, b=1)
show("counter ior", lambda: dict(c2.__ior__(Counter(a=1, b=5))))
show("counter iand", lambda: dict(c2.__iand__(Counter(a=2))))

o2 = O()
show("od update 2 args", lambda: o2.update({}, {}))
show("od update short pair", lambda: o2.update([(1,)]))
show("od update empty pair", lambda: o2.update([()]))
show("od update long pair", lambda: o2.update([(1, 2, 3)]))
show("od update int", lambda: o2.update(5))
show("od update items only", lambda: (o2.update(type("I", (), {"items": lambda self: [("i", 1)]})()), list(o2))[1])
show("od update keys", lambda: (o2.update(type("K", (), {"keys": lambda self: ["k"], "__getitem__": lambda self, k: k * 2})()), list(o2.items()))[1])
show("od setdefault noargs", lambda: o2.setdefault())
show("plain od update", lambda: OrderedDict(a=1).update([("b", 2)], c=3))
show("plain od update 2", lambda: OrderedDict().update(1, 2))
show("plain od setdefault", lambda: OrderedDict(a=1).setdefault("b"))
