# sandpy-expected: no local time zone in the sandbox (CPython uses the host's)
from datetime import datetime
for f in [lambda: datetime(2020, 1, 1).timestamp(), lambda: datetime.fromtimestamp(0)]:
    try:
        f()
    except RuntimeError as e:
        print("RuntimeError")
