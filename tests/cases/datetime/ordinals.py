import datetime as dt
from datetime import date, datetime, timedelta, timezone
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(date(1, 1, 1).toordinal(), date(2024, 3, 5).toordinal(), datetime(2024, 3, 5, 23, 59).toordinal())
print(date.fromordinal(738950), datetime.fromordinal(738950), date.fromordinal(1), date.fromordinal(3652059))
t(lambda: date.fromordinal(0))
t(lambda: date.fromordinal(3652060))
t(lambda: date.fromordinal(1.5))
t(lambda: datetime.fromordinal('x'))
for o in (1, 365, 366, 730119, 738000, 3652059):
    d = date.fromordinal(o)
    assert d.toordinal() == o
    print(o, d, d.weekday(), d.isocalendar())
print((date(2024, 12, 25) - date(2024, 3, 5)).days, date(2024, 12, 25).toordinal() - date(2024, 3, 5).toordinal())
