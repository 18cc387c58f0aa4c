from datetime import timedelta
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: timedelta(days=10**9))
t(lambda: timedelta(days=10**30))
t(lambda: timedelta(1) / 0)
t(lambda: timedelta(1) // 0)
t(lambda: timedelta(1) / timedelta(0))
t(lambda: timedelta(1) % timedelta(0))
t(lambda: timedelta(1) * float("inf"))
t(lambda: timedelta(1) + 1)
t(lambda: timedelta(1) < 1)
t(lambda: timedelta(1) == 1)
t(lambda: timedelta.max + timedelta(1))
t(lambda: -timedelta.min)
t(lambda: timedelta(days="1"))
t(lambda: timedelta(1) * "x")
