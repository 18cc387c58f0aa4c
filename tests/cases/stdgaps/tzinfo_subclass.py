# Classes deriving from datetime.tzinfo, used by datetime and time.
from datetime import tzinfo, timedelta, datetime, timezone, time, date


class Fixed(tzinfo):
    def __init__(self, minutes, name):
        self.off = timedelta(minutes=minutes)
        self.name = name

    def utcoffset(self, dt):
        return self.off

    def dst(self, dt):
        return timedelta(0)

    def tzname(self, dt):
        return self.name

    def __repr__(self):
        return 'Fixed(%r)' % self.name


class Eastern(tzinfo):
    """US Eastern with a toy DST rule: April to October."""

    def _is_dst(self, dt):
        return dt is not None and 4 <= dt.month <= 10

    def utcoffset(self, dt):
        return timedelta(hours=-5) + self.dst(dt)

    def dst(self, dt):
        return timedelta(hours=1) if self._is_dst(dt) else timedelta(0)

    def tzname(self, dt):
        return 'EDT' if self._is_dst(dt) else 'EST'

    def __repr__(self):
        return 'Eastern()'


ist = Fixed(330, 'IST')
est = Eastern()
d = datetime(2024, 1, 2, 3, 4, 5, 600, tzinfo=ist)
print(d.isoformat(), d, repr(d), d.isoformat(sep=' ', timespec='minutes'))
print(type(Fixed), Fixed.__mro__, isinstance(ist, tzinfo), issubclass(Fixed, tzinfo))
print(d.utcoffset(), d.dst(), d.tzname(), d.tzinfo is ist)
print(d.strftime('%Y-%m-%d %H:%M:%S %z %Z|%%z'), format(d, '%z %Z'), f'{d:%H %z}')
print(d.astimezone(timezone.utc), d.astimezone(est), d.astimezone(Fixed(-90, 'X')))
u = datetime(2024, 7, 1, 12, tzinfo=timezone.utc)
print(u.astimezone(est), u.astimezone(est).tzname(), datetime(2024, 1, 1, 12, tzinfo=timezone.utc).astimezone(est))
print(d + timedelta(days=200, hours=1), (d + timedelta(days=200)).tzinfo is ist, d - timedelta(minutes=5))
print(d - datetime(2024, 1, 1, tzinfo=timezone.utc), d - datetime(2024, 1, 1, tzinfo=est), d - d)
s = datetime(2024, 6, 1, 8, tzinfo=est)
print(s, s.utcoffset(), s.dst(), s.tzname(), s.strftime('%z %Z'), s.timestamp(), s.utctimetuple())
print(s.timetuple().tm_isdst, datetime(2024, 1, 1, tzinfo=est).timetuple().tm_isdst)
print(s == s.astimezone(ist), s < s.astimezone(ist) + timedelta(seconds=1), hash(s) == hash(s.astimezone(timezone.utc)))
print(sorted([s, d, u]), max(s, u))
print(d.replace(tzinfo=None), d.replace(tzinfo=est), d.replace(tzinfo=est).utcoffset())
t = time(1, 2, 3, tzinfo=ist)
print(t, repr(t), t.isoformat(), t.strftime('%H:%M %z %Z'), t.utcoffset(), t.tzname(), t.dst())
print(time(1, tzinfo=est).utcoffset(), time(1, tzinfo=est).tzname())
print(datetime.combine(date(2024, 5, 5), time(6, tzinfo=est)), datetime.combine(date(2024, 5, 5), time(6), tzinfo=ist))
print(datetime.fromtimestamp(0, tz=ist), datetime.fromtimestamp(1e9, est))
print(ist.fromutc(datetime(2024, 1, 1, tzinfo=ist)), Fixed.x if hasattr(Fixed, 'x') else '-')
Fixed.x = 1
print(Fixed.x, Fixed.__name__, Fixed.__qualname__, Fixed.__module__, type(ist).__name__)
print(tzinfo(1, k=2).__class__, repr(tzinfo())[:25])


class Odd(tzinfo):
    def __init__(self, off):
        self.o = off

    def utcoffset(self, dt):
        return self.o

    def tzname(self, dt):
        return self.o


class Seconds(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=1, seconds=7, microseconds=11)

    def tzname(self, dt):
        return None

    def dst(self, dt):
        return None


print(datetime(2020, 1, 1, tzinfo=Seconds()), datetime(2020, 1, 1, tzinfo=Seconds()).strftime('[%z][%Z]'))
print(datetime(2020, 1, 1, tzinfo=Odd(None)), datetime(2020, 1, 1, tzinfo=Odd(None)).utcoffset())
for bad in (5, timedelta(hours=24), timedelta(hours=-25), 'x'):
    for f in (lambda: datetime(2020, 1, 1, tzinfo=Odd(bad)).utcoffset(),
              lambda: datetime(2020, 1, 1, tzinfo=Odd(bad)).isoformat(),
              lambda: datetime(2020, 1, 1, tzinfo=Odd(bad)).tzname()):
        try:
            print(f())
        except Exception as e:
            print(type(e).__name__, e)


class Abstract(tzinfo):
    pass


for f in (lambda: datetime(2020, 1, 1, tzinfo=Abstract()).utcoffset(),
          lambda: datetime(2020, 1, 1, tzinfo=Abstract()).dst(),
          lambda: datetime(2020, 1, 1, tzinfo=Abstract()).tzname(),
          lambda: tzinfo().utcoffset(None), lambda: Abstract().fromutc(5)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


class NoDst(Fixed):
    dst = tzinfo.dst


nd = datetime(2020, 1, 1, tzinfo=NoDst(60, 'N'))
for f in (lambda: nd.strftime('%H'), lambda: nd.astimezone(timezone.utc), lambda: timezone.utc and datetime(2020, 1, 1, tzinfo=timezone.utc).astimezone(NoDst(60, 'N')),
          lambda: nd.isoformat(), lambda: nd.timetuple(), lambda: NoDst(1, 'n').fromutc(nd), lambda: Fixed(1, 'n').fromutc(nd),
          lambda: time(1, tzinfo=NoDst(1, 'n')).strftime('%H %z'), lambda: nd.astimezone(nd.tzinfo) is nd):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


class Flip(tzinfo):
    """dst() None after conversion: fromutc's inconsistency error."""

    def utcoffset(self, dt):
        return timedelta(hours=2)

    def dst(self, dt):
        return timedelta(0) if dt.hour < 12 else None


class Custom(Fixed):
    def fromutc(self, dt):
        return 'custom fromutc of %s' % dt


for f in (lambda: datetime(2020, 1, 1, 11, tzinfo=timezone.utc).astimezone(Flip()),
          lambda: datetime(2020, 1, 1, 1, tzinfo=timezone.utc).astimezone(Flip()),
          lambda: datetime(2020, 1, 1, 1, tzinfo=timezone.utc).astimezone(Custom(5, 'C')),
          lambda: datetime.fromtimestamp(86400, Custom(5, 'C')),
          lambda: datetime(1, 1, 1, tzinfo=timezone.utc).astimezone(Fixed(-60, 'W')),
          lambda: datetime(9999, 12, 31, 23, tzinfo=timezone.utc).astimezone(Fixed(90, 'E'))):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
