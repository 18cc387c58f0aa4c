# sandpy-expected: the sandbox's local time zone is UTC; NAME.out is CPython 3.11 run under TZ=UTC
import datetime as dt
from datetime import date, datetime, timedelta, timezone
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = datetime(2024, 3, 5, 14, 7, 9)
print(repr(d.astimezone()), d.astimezone().tzname(), d.timestamp())
a = datetime(2024, 3, 5, 14, 7, 9, tzinfo=timezone(timedelta(hours=5)))
print(repr(a.astimezone()), a.timestamp())
print(repr(datetime.fromtimestamp(0)), date.fromtimestamp(86400 * 365), datetime.fromtimestamp(1e9).isoformat())
print(datetime(2020, 12, 31, 23, 59).timestamp(), datetime.fromtimestamp(1700000000.5))
print(d.strftime('%s'), date(2024, 3, 5).strftime('%s'))
print(datetime.fromtimestamp(d.timestamp()) == d)
