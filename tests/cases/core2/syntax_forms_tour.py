f1 = lambda *args, **kw: (args, kw)
f2 = lambda x, /, y=2: x + y
f3 = lambda *, k: k
print(f1(1, a=2), f2(1), f3(k=3))
@(lambda f: f)
def g1(): return "g1"
decos = [lambda f: f]
@decos[0]
def g2(): return "g2"
print(g1(), g2())
a, b = c, d = 1, 2
print(a, b, c, d)
[p, *q] = range(5); (*r,) = 1, 2; s, = [9]
print(p, q, r, s)
for (i, j) in [(1, 2)]: print(i, j)
for [i, j] in [[3, 4]]: print(i, j)
del (a), [b]
print(0_0, 00, 1_0.0_1e+1_0, 0x_1, 0o_7, 0b_1, 1_000.5, .5e-1_0)
print(Rb'\x', BR'\n', rB'a', U'u', u'x', f"{f'{1}'}", "a" f"{2}" "c", f'{"q"}' 'r')
x = 5
if x > 3: print("big"); print("two")
while x > 4: x -= 1
else: print("while-else", x)
for k in range(3):
    if k == 5: break
else: print("for-else")
for k in range(3):
    if k == 1: break
else: print("not printed")
assert x, ("msg")
Meta = type
class Base: pass
class C1(Base): pass
class C2(): pass
print(type(C1).__name__, C2.__bases__)
def el(): ...
print(el(), ..., Ellipsis is ...)
def ret(): return
def ret2(): return (1, 2)
def ret3(): return 1, 2
print(ret(), ret2(), ret3())
print(not 1 == 2, 1 if 0 else 2 if 0 else 3, [1, 2, 3][::], "abc"[...] if False else "")
try: [1, 2][:, 1]
except TypeError as e: print(e)
try: [1][...]
except TypeError as e: print(e)
def gen():
    x = yield
    print("got", x)
    y = yield x
g = gen(); next(g); print(g.send(7))
with_val = [m for m in range(3) if m if m > 0]
print(with_val)
print(*[1, 2], *"ab", sep="|")
print({**{}}, {*()}, [*()], (*(),))
z = 10
def outer():
    global z
    z, w = 1, 2
    return w
outer(); print(z)
t = 1,
print(t, (1), (1,), ((1)), type(()))
print([i for i in range(3)][-1], {i: i for i in range(2)}, {i for i in "aa"})
n = 3; print(-n, +n, ~n, not n, - -n, n**-1)
print("done"); x = 1; del x
print(f"{'a' if True else 'b'}", f"{1,2}", f"{(1, 2)}", f"{[*'ab']}", f"{ {'k': 1} }")
print(f"{3.0!s:>5}", f"{'x'!r:5}", f"{1:b}{2:o}{255:x}")
