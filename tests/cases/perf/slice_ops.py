# BINARY_SLICE / STORE_SLICE: the no-slice-object paths must match the
# generic ones (bounds of every kind, subclasses, errors).


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        print("index", self.v)
        return self.v

    def __repr__(self):
        return f"Idx({self.v})"


class BadIdx:
    def __index__(self):
        return "x"


s = "héllo wörld"
l = list(range(10))
t = tuple(range(10))
big = 10**30
for seq in (s, "abc", "", l, [], t, ()):
    for a in (None, 0, 2, -3, -100, 100, True, False, big, -big, Idx(1)):
        for b in (None, 0, 4, -2, -100, 100, True, big, -big, Idx(-1)):
            print(repr(seq[a:b]), end=" ")
    print()
    print(repr(seq[:]), repr(seq[1:]), repr(seq[:-1]), repr(seq[::2]), repr(seq[1:5:2]))
print(t[:] is t, t[0:] is t, t[-100:100] is t, s[:] is s, s[0:100] is s, l[:] is l)
print(t[0:0] == (), type(l[1:3]))

for bad in (1.5, "a", [], BadIdx()):
    for obj in (s, l, t, range(5), b"xyz"):
        for k in ((bad, None), (None, bad)):
            try:
                obj[k[0]:k[1]]
            except Exception as e:
                print(type(e).__name__, e)


class S(str):
    def __getitem__(self, k):
        print("S.getitem", type(k).__name__, k)
        return str.__getitem__(self, k)


class L(list):
    def __getitem__(self, k):
        print("L.getitem", k)
        return list.__getitem__(self, k)

    def __setitem__(self, k, v):
        print("L.setitem", k, v)
        list.__setitem__(self, k, v)


class T(tuple):
    pass


class Plain(str):
    pass


print(S("hello")[1:3], L([1, 2, 3])[:2], T((1, 2, 3))[1:], type(T((1, 2))[:]).__name__)
print(type(Plain("abc")[:]).__name__, type(Plain("abc")[1:]).__name__)
x = L([1, 2, 3, 4])
x[1:2] = ["a", "b"]
print(x)


class G:
    def __getitem__(self, k):
        return ("G", k.start, k.stop, k.step)

    def __setitem__(self, k, v):
        print("G.set", k, v)


g = G()
print(g[1:2], g[:], g["a":None], g[Idx(3):])
g[1:] = 5
g[:"z"] = 6

# stores
m = list(range(8))
m[2:4] = "xyz"
print(m)
m[-2:] = []
print(m)
m[:0] = (9, 9)
print(m)
m[100:] = [7]
print(m)
m[5:2] = ["q"]
print(m)
m[True:Idx(2)] = [0]
print(m)
m[big:] = [1]
print(m)
m[1:3] = (i * i for i in range(3))
print(m)
m[:] = m
print(m)
for bad in (5, None, 1.5):
    try:
        m[1:2] = bad
    except TypeError as e:
        print("TypeError", e)
for k in ((1.5, None), (None, "a")):
    try:
        m[k[0]:k[1]] = [1]
    except TypeError as e:
        print("TypeError", e)
for obj in (t, s, {}, 5):
    try:
        obj[1:2] = [1]
    except TypeError as e:
        print("TypeError", e)
one = 1
try:
    one[1:2]
except TypeError as e:
    print("TypeError", e)
d = {}
try:
    d[1:2]
except KeyError as e:
    print("KeyError", e)
except TypeError as e:
    print("TypeError", e)
d2 = {}
try:
    d2[1:2] = 3
    print(d2)
except TypeError as e:
    print("TypeError", e)


def gen_mutating():
    m2 = [1, 2, 3, 4, 5]

    def g():
        m2.clear()
        yield 8

    m2[1:4] = g()
    return m2


print(gen_mutating())
# evaluation order: value, object, lower, upper
log = []


def v(x):
    log.append(x)
    return x


v([1])[v(0):v(1)]
v([2, 3])[v(None):v(0)] = v([5])
print(log)
w = "abcdef"
acc = [w[i:i + 2] for i in range(-8, 8)]
print(acc)
aug = [1, 2, 3]
aug[1:] += [4]
print(aug)
del aug[:1]
print(aug)


# list * n builds the result from the items directly (never a subclass's __iter__)
class LI(list):
    def __iter__(self):
        yield 99


print(LI([1, 2]) * 2, 2 * LI([3]), [1, 2] * 0, [1] * -3, [] * 5, [[0]] * 2, [1, 2, 3] * 5)
rep = [1, 2]
rep *= 3
print(rep, len([0] * 100001), ([1, 2] * 7)[-3:], type(LI([1]) * 2).__name__)
for k in (10**20, 2**62):
    try:
        [1, 2] * k
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__, e)
