# sandpy-expected: the host configured no clock, so now()/today() raise
from datetime import datetime, date
for f in [datetime.now, datetime.utcnow, date.today, datetime.today]:
    try:
        f()
        print("clock")
    except RuntimeError as e:
        print("RuntimeError")
