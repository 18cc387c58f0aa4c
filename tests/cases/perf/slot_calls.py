# __hash__/__eq__ called from dict and set code (call_slot: no sp_call level),
# recursion depth through them as CPython counts it, dict tables in one block.

depth = [0]


class K:
    def __init__(s, n): s.n = n
    def __hash__(s):
        depth[0] = s.n
        d = {}
        d[K(s.n + 1)] = 1
        return 0


class E:
    def __init__(s, n): s.n = n
    def __hash__(s): return 1
    def __eq__(s, o):
        depth[0] = s.n
        return {E(s.n + 1): 1, E(s.n + 2): 2} is None


class A:
    def __hash__(s):
        depth[0] += 1
        return hash(A())


class C:
    def __init__(s): pass
    def __hash__(s):
        depth[0] += 1
        return hash(C())


class D:
    def __hash__(s): return 1
    def __eq__(s, o):
        depth[0] += 1
        return D() == D()


def deep(make):
    depth[0] = 0
    try:
        make()
    except RecursionError as e:
        print(type(e).__name__, depth[0], e)


deep(lambda: hash(K(0)))
deep(lambda: {E(0): 1, E(1): 2})
deep(lambda: hash(A()))
deep(lambda: hash(C()))
deep(lambda: {D(): 1}.get(D()))
deep(lambda: D() in {D(), 5})


def f():
    depth[0] += 1
    f()


deep(f)


# results of __hash__
class H:
    def __init__(s, v): s.v = v
    def __hash__(s): return s.v
    def __eq__(s, o): return isinstance(o, H) and s.v == o.v
    def __repr__(s): return f"H({s.v!r})"


for v in (0, 1, -1, -2, 2**61 - 1, 2**61, 2**100, -2**100, True, False):
    print(repr(v)[:20], hash(H(v)))
for v in (1.5, "x", None, [1]):
    try:
        hash(H(v))
    except TypeError as e:
        print("TypeError", e)
    try:
        {H(v): 1}
    except TypeError as e:
        print("TypeError", e)


class Raiser:
    def __init__(s, exc): s.exc = exc
    def __hash__(s): raise s.exc
    def __eq__(s, o): raise s.exc


for exc in (ValueError("bad hash"), KeyError("k"), StopIteration(3)):
    for op in ("set", "get", "pop", "in", "setadd", "del"):
        d = {1: 2}
        try:
            r = Raiser(exc)
            if op == "set": d[r] = 1
            elif op == "get": d.get(r)
            elif op == "pop": d.pop(r, None)
            elif op == "in": r in d
            elif op == "setadd": {1}.add(r)
            else: del d[r]
            print(op, "no error")
        except Exception as e:
            print(op, type(e).__name__, e)


class Same:  # __hash__ fine, __eq__ raises on a collision only
    def __init__(s, exc): s.exc = exc
    def __hash__(s): return 7
    def __eq__(s, o): raise s.exc


d = {Same(ZeroDivisionError("old key")): 1}
try:
    d[Same(ZeroDivisionError("eq boom"))] = 2
except ZeroDivisionError as e:
    print("eq raised", e, len(d))


# other shapes of __hash__/__eq__: not plain functions, extra parameters
class Varargs:
    def __hash__(s, *a): return 42 + len(a)
    def __eq__(s, o, *a): return NotImplemented


class CallObj:
    def __call__(s, self): return 99


class Shapes:
    __hash__ = CallObj()


class Lam:
    __hash__ = lambda s: 5
    __eq__ = lambda s, o: True


class Gen:
    def __hash__(s):
        yield 1


class Unhash:
    __hash__ = None


print(hash(Varargs()), Varargs() == Varargs(), {Varargs(): 1}.get(Varargs()))
try:
    print(hash(Shapes()))
except TypeError as e:
    print("TypeError", e)
print(hash(Lam()), {Lam(): "a"}[Lam()], len({Lam(), Lam(), Lam()}))
try:
    hash(Gen())
except TypeError as e:
    print("TypeError", e)
try:
    {Unhash(): 1}
except TypeError as e:
    print("TypeError", e)


# __eq__ returning NotImplemented / non-bools from dict code
class NI:
    def __hash__(s): return 3
    def __eq__(s, o): return NotImplemented


class Truthy:
    def __init__(s, v): s.v = v
    def __hash__(s): return 3
    def __eq__(s, o): return s.v


a, b = NI(), NI()
print({a: 1}.get(b), {a: 1}.get(a), b in {a}, a in {a})
print({Truthy([]): 1}.get(Truthy([1])), {Truthy([]): 1}.get(Truthy([])), Truthy(0) in {Truthy(0)})


# __eq__ that mutates the dict it is being compared in
class Mut:
    def __init__(s, d, what): s.d, s.what = d, what
    def __hash__(s): return 11
    def __eq__(s, o):
        if s.what == "clear": s.d.clear()
        elif s.what == "add":
            for i in range(20): s.d[i] = i
        elif s.what == "del": s.d.pop(o, None)
        return False


for what in ("clear", "add", "del"):
    d = {}
    k1 = Mut(d, what)
    d[k1] = "first"
    for op in ("get", "set", "pop", "in"):
        try:
            if op == "get": r = d.get(Mut(d, what))
            elif op == "set": d[Mut(d, what)] = 1; r = None
            elif op == "pop": r = d.pop(Mut(d, what), "dflt")
            else: r = Mut(d, what) in d
            print(what, op, r, len(d))
        except RecursionError as e:  # CPython's message depends on specialization
            print(what, op, type(e).__name__)


d = {H(i): i for i in range(50)}
try:
    for k in d:
        d[H(1000)] = 0
except RuntimeError as e:
    print("RuntimeError", e)


# dict tables through every path: growth, copy, clear, popitem, deletes
d = {}
for i in range(200):
    d[H(i % 37)] = i
    if i % 5 == 0:
        d.pop(H((i * 7) % 37), None)
print(len(d), sorted(k.v for k in d)[:10])
e = dict(d)
f2 = {**d}
g = d.copy()
print(e == d, f2 == g, len(e), len(f2))
while d:
    d.popitem()
d.clear()
d[H(1)] = 1
print(d, g.get(H(3)), H(3) in g)


# instance dicts: growth and deletion
class Bag:
    pass


bags = []
for i in range(300):
    b = Bag()
    for j in range(i % 12):
        setattr(b, f"a{j}", j)
    if i % 3 == 0 and i % 12 > 2:
        del b.a1
    bags.append(b)
print(sum(len(vars(b)) for b in bags), vars(bags[11]))
