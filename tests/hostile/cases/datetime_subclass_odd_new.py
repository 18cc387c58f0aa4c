# a class deriving from a datetime type whose __new__ returns something
# else: results made by calling the class are whatever it returns, and
# code reading them as datetimes checks first (no type confusion); a
# __new__ handing back the shared datetime.min is never written to
# limits:
# expect: ok
# cpython: same output
import datetime as dt

tz = dt.timezone(dt.timedelta(hours=3))


class Min(dt.datetime):
    def __new__(cls, *a, **k):
        return dt.datetime.min if a and a[0] == 2000 else super().__new__(cls, *a, **k)


m = Min(2000, 1, 1, 12)
print(repr(m))
x = Min(2001, 1, 1)
print(repr(x - dt.timedelta(days=366)), repr(dt.datetime.min))


class Odd(dt.datetime):
    def __new__(cls, *a, **k):
        return [a] if len(a) == 8 else super().__new__(cls, *a, **k)


o = Odd(2020, 5, 5, 5)
for f in [lambda: o + dt.timedelta(1), lambda: Odd.fromisoformat("2020-01-01"), lambda: Odd.combine(dt.date(2020, 1, 1), dt.time(1)),
          lambda: Odd.fromtimestamp(0, tz), lambda: Odd.utcfromtimestamp(0)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)
print(repr(dt.datetime.min), repr(dt.datetime.max), dt.datetime.min.tzinfo)
