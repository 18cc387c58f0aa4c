from functools import partial, reduce
def f(a, b, c=0, *, d=1):
    return (a, b, c, d)
p = partial(f, 1, d=5)
q = partial(p, 2, c=3)
print(q(), q(d=9), q.args, sorted(q.keywords.items()))
print(q.func is f, repr(q).startswith("functools.partial(<function f at "), repr(q).endswith(", 1, 2, d=5, c=3)"))
r = partial(print, "x", end="!\n")
r("y")
print(partial(max, key=len)(["aa", "b", "ccc"]))
try:
    partial(f)()
except TypeError as e:
    print("TypeError", e)
class A:
    pass
p.attr = 7
print(p.attr)
