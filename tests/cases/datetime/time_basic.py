from datetime import time
t = time(13, 4, 5, 600)
print(t, repr(t), repr(time(1, 2)), repr(time(1, 2, 3)), time())
print(t.hour, t.minute, t.second, t.microsecond, t.tzinfo, t.fold)
print(t.isoformat(), t.isoformat("seconds"), t.isoformat(timespec="milliseconds"))
print(t.replace(hour=1), t < time(14), t == time(13, 4, 5, 600), time.min, time.max, time.resolution)
print(sorted([time(5), time(1, 30), time(1)]), hash(t) == hash(time(13, 4, 5, 600)), bool(time(0)))
