# Classes deriving from date, datetime, time and timedelta: reprs, the
# results that keep the class and those that do not.
import datetime as dt


class D(dt.date):
    def half(self):
        return self.day // 2


class DT(dt.datetime):
    pass


class T(dt.time):
    pass


class TD(dt.timedelta):
    pass


d = D(2020, 1, 2)
x = DT(2020, 1, 2, 3, 4, 5)
t = T(1, 2, 3)
td = TD(days=1, hours=2)
one = dt.timedelta(days=1)
tz = dt.timezone(dt.timedelta(hours=1))
cases = [
    ("d", lambda: d), ("d+one", lambda: d + one), ("one+d", lambda: one + d), ("d-one", lambda: d - one),
    ("d-d", lambda: d - d), ("d-date", lambda: d - dt.date(2019, 1, 1)), ("replace", lambda: d.replace(day=5)),
    ("fromordinal", lambda: D.fromordinal(5)), ("fromiso", lambda: D.fromisoformat("2020-01-02")),
    ("fromisocal", lambda: D.fromisocalendar(2020, 1, 1)), ("x", lambda: x), ("x+one", lambda: x + one),
    ("x-one", lambda: x - one), ("x-x", lambda: x - x), ("xrepl", lambda: x.replace(hour=1)),
    ("xrepltz", lambda: x.replace(tzinfo=tz, fold=1)), ("xfromord", lambda: DT.fromordinal(5)),
    ("xiso", lambda: DT.fromisoformat("2020-01-02T03:04")), ("xisotz", lambda: DT.fromisoformat("2020-01-02T03:04+01:00")),
    ("xcombine", lambda: DT.combine(d, t)), ("xcombinetz", lambda: DT.combine(d, t, tz)),
    ("xutcfromts", lambda: DT.utcfromtimestamp(86400 * 400 + 0.5)), ("xfromtstz", lambda: DT.fromtimestamp(0, tz)),
    ("xstrptime", lambda: DT.strptime("2020-03-04", "%Y-%m-%d")), ("xstrptimez", lambda: DT.strptime("2020 +0130", "%Y %z")),
    ("xdate", lambda: x.date()), ("xtime", lambda: x.time()), ("xastz", lambda: x.astimezone(tz)),
    ("xisocal", lambda: DT.fromisocalendar(2020, 1, 1)), ("t", lambda: t), ("trepl", lambda: t.replace(hour=5)),
    ("tiso", lambda: T.fromisoformat("01:02")), ("tisotz", lambda: T.fromisoformat("01:02+01:00")),
    ("td", lambda: td), ("td+one", lambda: td + one), ("-td", lambda: -td), ("+td", lambda: +td),
    ("abs", lambda: abs(td)), ("td*2", lambda: td * 2), ("td//2", lambda: td // 2),
    ("td%", lambda: td % dt.timedelta(hours=5)), ("divmod", lambda: divmod(td, dt.timedelta(hours=5))),
    ("Dmin", lambda: D.min), ("dmin", lambda: d.min), ("xmax", lambda: DT.max), ("tdres", lambda: TD.resolution),
    ("plainmin", lambda: dt.date(2000, 1, 1).max), ("plainres", lambda: dt.timedelta(3).resolution),
    ("tmin", lambda: T.min),
]
for name, f in cases:
    try:
        r = f()
        print(name, type(r).__name__, repr(r), str(r))
    except Exception as e:
        print(name, "EXC", type(e).__name__, e)

print(d.half(), d.year, d.weekday(), d.isoformat(), x.isoformat(), t.isoformat(), td.total_seconds())
print(d == dt.date(2020, 1, 2), hash(d) == hash(dt.date(2020, 1, 2)), x > dt.datetime(2000, 1, 1), t < dt.time(5))
print(isinstance(d, dt.date), isinstance(x, dt.date), issubclass(DT, dt.datetime), D.__mro__)
print(f"{d:%Y/%m/%d}", x.strftime("%H:%M"), format(t, "%H"))
d.note = "hi"
print(d.note, vars(d), d.replace(day=3).__dict__)
print(sorted([D(2020, 5, 1), dt.date(2019, 1, 1), D(2021, 1, 1)]))
print({D(2020, 1, 2): 1}[dt.date(2020, 1, 2)])
print(dt.date.__new__(D, 2020, 5, 6), dt.datetime.__new__(DT, 2020, 5, 6, 7))
try:
    class Z(dt.timezone):
        pass
except TypeError as e:
    print("TypeError", e)


class TZ(dt.tzinfo):
    pass


print(type(TZ(1, 2, k=3)).__name__)


class TZ2(dt.tzinfo):
    def __init__(self):
        pass


try:
    TZ2(1)
except TypeError as e:
    print("TypeError", e)


class Slotted(dt.date):
    __slots__ = ()


print(Slotted(2020, 2, 29), Slotted(2020, 2, 29) + one)
try:
    Slotted(2020, 1, 1).x = 1
except AttributeError as e:
    print("AttributeError", e)
for bad in [lambda: D(2020, 13, 1), lambda: DT(2020, 1, 1, 25), lambda: T(hour=-1), lambda: TD(days=10**9)]:
    try:
        bad()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
