# Classes deriving from datetime types: overrides calling super(), __slots__,
# __class__ assignment, layout conflicts, pattern matching, mixed comparisons.
import datetime as dt
class S(dt.date):
    __slots__ = ('a',)
s = S(2020, 1, 1); s.a = 5; print(s.a, repr(s))
try: s.b = 1
except AttributeError as e: print(e)
class D(dt.date):
    def __repr__(self): return "<" + super().__repr__() + ">"
    def __str__(self): return "D:" + super().__str__()
    def __eq__(self, o): return super().__eq__(o)
    __hash__ = dt.date.__hash__
d = D(2020, 1, 1); print(repr(d), str(d), d == dt.date(2020,1,1), hash(d) == hash(dt.date(2020,1,1)), f"{d}")
class D2(dt.date): pass
d.__class__ = D2; print(repr(d))
try:
    class E(dt.date, dt.time): pass
except TypeError as e: print(e)
class TD(dt.timedelta):
    def __add__(self, o): return "added"
print(TD(1) + dt.timedelta(1), dt.timedelta(1) + TD(1), TD(1) - TD(2), TD(1) * 2.5, TD(1) / TD(2))
class DT(dt.datetime):
    @classmethod
    def make(cls): return cls(2020, 2, 2)
print(repr(DT.make()), repr(DT.make().date()), DT.make().timestamp(), DT.make().timetuple()[:3])
print(dt.date.__new__ is dt.datetime.__new__, type(D.min), D.resolution)
match D2(2020, 3, 4):
    case dt.date(year=y, month=m): print("match", y, m)
print(dt.datetime(2020,1,1) - DT(2019,1,1), DT(2020,1,1) == dt.datetime(2020,1,1))
print(sorted({DT(2020,1,1), dt.datetime(2020,1,1)}))
import copy


class CT(dt.datetime):
    pass


c = CT(2021, 6, 7, tzinfo=dt.timezone.utc)
c.extra = [1]
c2 = copy.copy(c)
c3 = copy.deepcopy(c)
print(repr(c2), hasattr(c2, "extra"), repr(c3), hasattr(c3, "extra"), repr(copy.copy(TD(3))))
print(dt.date.__new__(D, 2020, 5, 6), repr(dt.datetime.__new__(DT, 2020, 5, 6, 7)))
for f in [lambda: dt.date.__new__(int, 1, 2, 3), lambda: dt.date.__new__(dt.time), lambda: dt.datetime.__new__(D, 2020, 1, 1),
          lambda: dt.date.__new__(), lambda: dt.date.__new__(5), lambda: dt.date.__new__(dt.datetime, 2020, 1, 1)]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
