# classes deriving from datetime types whose constructors recurse through
# the module's own results (d + timedelta, fromordinal call the class):
# C recursion is guarded, each ends in a catchable RecursionError; a
# __new__ handing back the shared datetime.min to astimezone() (which
# sets the result's tzinfo in place) never gets it written
# limits:
# expect: ok
# stdout: ^new 1\ninit 1\nadd 1\nNone None\n$
import datetime as dt


class New(dt.date):
    def __new__(cls, *a):
        return cls.fromordinal(5)


class Init(dt.date):
    def __init__(self, *a):
        self + dt.timedelta(days=1)


class Add(dt.datetime):
    def __add__(self, other):
        return super().__add__(other) + other


for name, f in [("new", lambda: New(2020, 1, 1)), ("init", lambda: Init(2020, 1, 1)),
                ("add", lambda: Add(2020, 1, 1) + dt.timedelta(1))]:
    try:
        f()
    except RecursionError:
        print(name, 1)


class Shared(dt.datetime):
    def __new__(cls, *a, **k):
        return dt.datetime.min if len(a) == 8 else super().__new__(cls, *a, **k)


r = Shared(2020, 1, 1).astimezone(dt.timezone(dt.timedelta(hours=3)))
print(dt.datetime.min.tzinfo, dt.datetime.min.utcoffset())
