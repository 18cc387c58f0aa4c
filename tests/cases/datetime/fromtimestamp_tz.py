import datetime as dt
from datetime import date, datetime, timedelta, timezone
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(datetime.fromtimestamp(1700000000, tz=timezone.utc))
print(datetime.fromtimestamp(1700000000.5, timezone(timedelta(hours=-3))))
print(repr(datetime.fromtimestamp(0, timezone(timedelta(hours=5, minutes=30), 'IST'))))
print(datetime.fromtimestamp(-86400.25, timezone.utc))
print(datetime.fromtimestamp(1700000000, timezone.utc).timestamp())
print(datetime.utcfromtimestamp(1700000000))
t(lambda: datetime.fromtimestamp(float('nan'), timezone.utc))
t(lambda: datetime.fromtimestamp(1e20, timezone.utc))
t(lambda: datetime.fromtimestamp('1', timezone.utc))
t(lambda: datetime.fromtimestamp(1, tz=5))
a = datetime(2024, 3, 5, 14, 7, 9, tzinfo=timezone(timedelta(hours=5)))
print(a.astimezone(timezone.utc), a.astimezone(timezone(timedelta(hours=-8))))
