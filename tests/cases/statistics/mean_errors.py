import statistics as s
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: s.mean([]))
t(lambda: s.mean(["a"]))
t(lambda: s.mean([1, "a"]))
t(lambda: s.mean(5))
t(lambda: s.mean([None]))
t(lambda: issubclass(s.StatisticsError, ValueError))
t(lambda: s.StatisticsError("x"))
try:
    s.mean([])
except ValueError as e:
    print("caught as ValueError:", e)
