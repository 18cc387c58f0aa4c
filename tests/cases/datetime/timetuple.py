import datetime as dt
from datetime import date, datetime, timedelta, timezone
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = datetime(2024, 3, 5, 14, 7, 9, 123456)
t = d.timetuple()
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
print(t[0], t[-1], len(t), tuple(t), list(t)[:3], t[1:3], t == tuple(t), t.tm_zone, t.tm_gmtoff)
print(type(t).__name__, hash(t) == hash(tuple(t)), t.count(3), 2024 in t)
print(date(2024, 12, 31).timetuple())
print(date(2023, 1, 1).timetuple().tm_yday, date(2024, 12, 31).timetuple().tm_yday)
print(datetime(2024, 3, 5, tzinfo=timezone(timedelta(hours=5))).timetuple())
print(datetime(2000, 2, 29, 23, 59, 59).timetuple())
y, m, dd, *rest = d.timetuple()
print(y, m, dd, rest)
t(lambda: setattr(t, 'tm_year', 3))
