# A tzinfo whose utcoffset converts its own datetime: endless recursion
# through datetime's C code must end in RecursionError.
# limits: --max-memory=100000000 --max-duration=10
# expect: RecursionError
from datetime import datetime, timezone, tzinfo, timedelta
class Loop(tzinfo):
    def utcoffset(self, dt):
        return dt.astimezone(timezone.utc).utcoffset() + timedelta(0)
    def dst(self, dt):
        return timedelta(0)
datetime(2020, 1, 1, tzinfo=Loop()).isoformat()
