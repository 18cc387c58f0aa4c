# sandpy-expected: the sandbox's local time zone is UTC; NAME.out is CPython 3.11 run under TZ=UTC
from datetime import datetime
print(datetime(2020, 1, 1).timestamp(), datetime.fromtimestamp(0), datetime(1969, 12, 31, 23).timestamp())
print(datetime(2020, 1, 1).astimezone(), datetime.fromtimestamp(-1.5), datetime.utcfromtimestamp(-1.5))
