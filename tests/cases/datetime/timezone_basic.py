from datetime import datetime, timezone, timedelta, tzinfo, time
utc = timezone.utc
est = timezone(timedelta(hours=-5), "EST")
ist = timezone(timedelta(hours=5, minutes=30))
print(repr(utc), str(utc), repr(est), str(est), repr(ist), str(ist))
print(timezone(timedelta(0)) is utc, timezone.min, timezone.max)
print(str(timezone(timedelta(hours=-1, seconds=-30))))
d = datetime(2020, 1, 1, 12, tzinfo=utc)
print(d, repr(d), d.utcoffset(), d.tzname(), d.dst())
e = d.astimezone(est)
print(e, e.tzname(), e == d, e - d, hash(e) == hash(d))
print(d.astimezone(ist).isoformat(), datetime(2020, 1, 1, tzinfo=ist).strftime("%z %Z"))
print(datetime(2020, 1, 1, 12, tzinfo=timezone(timedelta(hours=2))) - datetime(2020, 1, 1, tzinfo=utc))
print(time(1, 2, 3, 4, tzinfo=utc, fold=1), repr(time(1, 2, 3, 4, tzinfo=utc, fold=1)))
print(time(1, tzinfo=timezone(timedelta(hours=3))).isoformat(), time(1, tzinfo=ist) == time(1, tzinfo=ist))
print(isinstance(utc, tzinfo), est == timezone(timedelta(hours=-5)), ist.utcoffset(None))
for bad in [lambda: timezone(timedelta(hours=24)), lambda: timezone(5), lambda: timezone(timedelta(hours=1), 5)]:
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__, ex)
