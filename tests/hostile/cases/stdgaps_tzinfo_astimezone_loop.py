# Conversions through a Python tzinfo forever: the time limit stops them.
# limits: --max-memory=67108864 --max-duration=1
# expect: TimeoutError
from datetime import datetime, timezone, tzinfo, timedelta
class Z(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=1)
    def dst(self, dt):
        return timedelta(0)
z = Z()
d = datetime(2020, 1, 1, tzinfo=timezone.utc)
while True:
    d = d.astimezone(z).astimezone(timezone.utc) + timedelta(seconds=1)
