from datetime import datetime, date, timezone, timedelta
for ts in (0, 1, -1, 86399.999999, 1e9, 1700000000.123456, 2**31, -2**31, 253402300799):
    d = datetime.fromtimestamp(ts, timezone.utc)
    print(ts, d.isoformat(), d.timestamp(), d.utctimetuple()[:6], d.toordinal())
tz = timezone(timedelta(hours=-7), 'PDT')
d = datetime.fromtimestamp(1710000000, tz)
print(d, d.tzname(), d.timetuple(), d.utctimetuple(), d.strftime('%Z %z %c'))
print(datetime(2024, 3, 5, tzinfo=timezone.utc).timestamp() - datetime(2024, 3, 4, tzinfo=tz).timestamp())
