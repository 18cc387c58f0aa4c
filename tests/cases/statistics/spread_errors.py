import statistics as s
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: s.variance([1]))
t(lambda: s.pvariance([]))
t(lambda: s.stdev([]))
t(lambda: s.pstdev([]))
t(lambda: s.variance(["a", "b"]))
t(lambda: s.variance([1, 2], "x"))
