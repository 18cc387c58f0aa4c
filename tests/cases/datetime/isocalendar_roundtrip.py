import datetime as dt
from datetime import date, datetime, timedelta, timezone
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(date.fromisocalendar(2024, 1, 1), datetime.fromisocalendar(2020, 53, 7), date.fromisocalendar(2004, 53, 5))
t(lambda: date.fromisocalendar(2023, 53, 1))
t(lambda: date.fromisocalendar(2023, 5, 8))
t(lambda: date.fromisocalendar(2023, 0, 1))
t(lambda: date.fromisocalendar(10000, 1, 1))
t(lambda: date.fromisocalendar(2023, 5))
t(lambda: date.fromisocalendar(year=2023, week=5, day=3))
for y in (2000, 2015, 2020, 2021, 2024, 2026):
    for d in (date(y, 1, 1), date(y, 12, 31), date(y, 6, 15)):
        ic = d.isocalendar()
        assert date.fromisocalendar(*ic) == d
        print(d, ic, tuple(ic), ic.week, d.strftime('%G-W%V-%u'))
