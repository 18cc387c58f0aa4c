from datetime import date, timedelta
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: date(0, 1, 1))
t(lambda: date(2020, 13, 1))
t(lambda: date(2021, 2, 29))
t(lambda: date(2020.0, 1, 1))
t(lambda: date(2020, 1))
t(lambda: date.max + timedelta(1))
t(lambda: date.min - timedelta(days=1))
t(lambda: date(2020, 1, 1) + 1)
t(lambda: date(2020, 1, 1) < 5)
t(lambda: date(2020, 1, 1).replace(month=0))
t(lambda: date.fromordinal(0))
t(lambda: date(2020, 2, 29))
