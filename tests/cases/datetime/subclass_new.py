# Results of a class deriving from a datetime type are made by calling the
# class (its __new__ and __init__ run), except replace().
import datetime as dt


def show(cls):
    class C(cls):
        def __new__(k, *a, **kw):
            print(" new", k.__name__, a, kw)
            return super().__new__(k, *a, **kw)

        def __init__(self, *a, **kw):
            print(" init", a, kw)
    C.__name__ = C.__qualname__ = "My" + cls.__name__
    return C


D, DT, T, TD = show(dt.date), show(dt.datetime), show(dt.time), show(dt.timedelta)
one = dt.timedelta(days=1)
tz = dt.timezone(dt.timedelta(hours=1))
print("--"); d = D(2020, 1, 2)
print("--"); x = DT(2020, 1, 2, 3, 4, 5)
print("--"); t = T(1, 2, 3, fold=1)
print("--"); td = TD(days=1)
cases = [
    ("d+one", lambda: d + one), ("d-one", lambda: d - one), ("replace", lambda: d.replace(day=5)),
    ("fromordinal", lambda: D.fromordinal(5)), ("fromiso", lambda: D.fromisoformat("2020-01-02")),
    ("fromisocal", lambda: D.fromisocalendar(2020, 1, 1)), ("x+one", lambda: x + one), ("x-one", lambda: x - one),
    ("xrepl", lambda: x.replace(hour=1)), ("xfromord", lambda: DT.fromordinal(5)),
    ("xiso", lambda: DT.fromisoformat("2020-01-02T03:04")), ("xisotz", lambda: DT.fromisoformat("2020-01-02T03:04+01:00")),
    ("xcombine", lambda: DT.combine(d, t)), ("xcombinetz", lambda: DT.combine(d, t, tz)),
    ("xfromtstz", lambda: DT.fromtimestamp(0, tz)), ("xutcfromts", lambda: DT.utcfromtimestamp(0)),
    ("xstrptime", lambda: DT.strptime("2020", "%Y")), ("xstrptimez", lambda: DT.strptime("2020 +0100", "%Y %z")),
    ("xastz", lambda: x.astimezone(tz)), ("xisocal", lambda: DT.fromisocalendar(2020, 1, 1)),
    ("trepl", lambda: t.replace(hour=5)), ("tiso", lambda: T.fromisoformat("01:02")),
    ("tisotz", lambda: T.fromisoformat("01:02+01:00")), ("td+one", lambda: td + one), ("-td", lambda: -td),
]
for name, f in cases:
    print("--", name)
    try:
        r = f()
        print(name, type(r).__name__, repr(r))
    except Exception as e:
        print(name, "EXC", type(e).__name__, e)


class Strict(dt.date):
    """A constructor of its own: the results that call the class fail."""
    def __new__(cls, text):
        y, m, d = map(int, text.split("-"))
        return super().__new__(cls, y, m, d)


s = Strict("2021-03-04")
print(repr(s), repr(s.replace(day=1)))
for f in [lambda: s + one, lambda: Strict.fromordinal(3), lambda: Strict.fromisoformat("2020-01-01")]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)


class Odd(dt.date):
    def __new__(cls, *a):
        if len(a) == 3 and a[2] == 9:
            return "not a date"
        return super().__new__(cls, *a)


o = Odd(2020, 1, 8)
print(repr(o + one), repr(Odd.fromordinal(9)), repr(o.replace(day=9)))


class OddDT(dt.datetime):
    def __new__(cls, *a, **kw):
        if a[:3] == (2020, 1, 1):
            return 42
        return super().__new__(cls, *a, **kw)


y = OddDT(2020, 1, 2, 5)
print(repr(y - one))
for f in [lambda: (y - dt.timedelta(hours=6)).astimezone(tz), lambda: OddDT.fromtimestamp(1577836800, tz)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
