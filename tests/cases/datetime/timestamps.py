from datetime import datetime, timezone, timedelta
print(datetime(2020, 1, 1, tzinfo=timezone.utc).timestamp())
print(datetime.fromtimestamp(0, timezone.utc), datetime.fromtimestamp(1700000000.5, timezone.utc))
print(datetime.fromtimestamp(86400 * 365, timezone(timedelta(hours=2))))
print(datetime.utcfromtimestamp(1.5), datetime.utcfromtimestamp(-1))
print(datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc).timestamp())
print(datetime(1969, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-1))).timestamp())
try:
    datetime.fromtimestamp(1e20, timezone.utc)
except OverflowError as e:
    print("OverflowError", e)
