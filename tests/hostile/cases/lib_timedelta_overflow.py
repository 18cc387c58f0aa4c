# limits: --max-duration=1
# expect: ok
from datetime import timedelta, datetime
for f in [lambda: timedelta(days=1) * 10**100, lambda: timedelta(seconds=1e300), lambda: datetime.max + timedelta(1),
          lambda: timedelta(1) * 1e308, lambda: timedelta(days=10**400)]:
    try:
        f()
    except OverflowError:
        print("OverflowError")
