import datetime as dt
from datetime import date, datetime, timedelta, timezone
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

lines = ['2024-03-05T14:07:09Z GET /a 200', '2024-03-05T14:07:11.250+01:00 POST /b 500',
         '2024-03-06T00:00:00-05:00 GET /c 404']
parsed = []
for ln in lines:
    ts = ln.split()[0].replace('Z', '+00:00')
    d = datetime.fromisoformat(ts)
    parsed.append(d)
    u = d.astimezone(timezone.utc)
    print(u.isoformat(), u.timetuple().tm_yday, u.strftime('%j %a %d/%b/%Y:%H:%M:%S %z'), int(u.timestamp()))
print(sorted(parsed)[0], max(parsed) - min(parsed))
t0 = datetime.strptime('10/Oct/2000:13:55:36 -0700', '%d/%b/%Y:%H:%M:%S %z')
print(repr(t0), t0.utctimetuple().tm_hour, t0.timestamp())
