from collections import namedtuple
P = namedtuple("Point", "x y")
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: P(1))
t(lambda: P(1, 2, 3))
t(lambda: P())
t(lambda: namedtuple("T", "a b c")())
t(lambda: P(1, y=2, z=3))
t(lambda: P(1, x=2))
t(lambda: namedtuple("T", "a b c", defaults=[1])(1, 2, 3, 4))
t(lambda: P._make([1, 2, 3]))
t(lambda: P(1, 2)._replace(z=1))
t(lambda: namedtuple("a b", "x"))
t(lambda: namedtuple("T", "x class"))
t(lambda: namedtuple("T", "x _y"))
t(lambda: namedtuple("T", "x x"))
t(lambda: namedtuple("T", [1]))
t(lambda: namedtuple("T", "x y", defaults=[1, 2, 3]))
t(lambda: namedtuple("T", "x def _1 x", rename=True)._fields)
def s():
    p = P(1, 2)
    p.x = 3
t(s)
def s2():
    p = P(1, 2)
    p.z = 3
t(s2)
