import datetime as dt
from datetime import date, datetime, timedelta, timezone
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a = datetime(2024, 3, 5, 14, 7, 9, tzinfo=timezone(timedelta(hours=5)))
print(a.utctimetuple())
print(datetime(2024, 1, 1, 1, 0, tzinfo=timezone(timedelta(hours=3))).utctimetuple())
print(datetime(2024, 12, 31, 22, 0, tzinfo=timezone(timedelta(hours=-5))).utctimetuple())
print(datetime(2024, 3, 5, 14, 7, 9).utctimetuple())
print(datetime(2024, 3, 5, tzinfo=timezone.utc).utctimetuple())
t(lambda: datetime(1, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=1))).utctimetuple())
