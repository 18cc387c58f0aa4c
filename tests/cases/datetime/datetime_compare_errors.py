from datetime import datetime, date, time, timezone, timedelta
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
aware = datetime(2020, 1, 1, tzinfo=timezone.utc)
naive = datetime(2020, 1, 1)
t(lambda: naive < aware)
t(lambda: naive == aware)
t(lambda: naive - aware)
t(lambda: time(1) < time(1, tzinfo=timezone.utc))
t(lambda: naive < date(2020, 1, 1))
t(lambda: date(2020, 1, 1) < naive)
t(lambda: date(2020, 1, 1) - naive)
t(lambda: datetime(2020, 1, 1, tzinfo=1))
t(lambda: datetime(2020, 1, 1, 24))
t(lambda: time(1, 60))
t(lambda: time(1, 1, 60))
t(lambda: time(1, 1, 1, 10**6))
t(lambda: time(fold=2))
t(lambda: datetime.min - timedelta(1))
t(lambda: naive.replace(foo=1))
t(lambda: naive.isoformat(timespec="x"))
