import statistics as s
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: s.mean([float("inf"), 1]))
t(lambda: s.mean([float("nan")]))
t(lambda: s.mean([float("inf"), float("-inf")]))
t(lambda: s.variance([1.0, float("inf")]))
t(lambda: s.stdev([1.0, float("inf")]))
