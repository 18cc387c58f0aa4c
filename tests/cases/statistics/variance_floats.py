import statistics as s
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: s.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
t(lambda: s.pvariance([1, 2, 3, 4], 2.5))
t(lambda: s.variance([0.1] * 10))
t(lambda: s.pvariance([0.1, 0.2, 0.3]))
t(lambda: s.variance([1e10 + 0.1, 1e10 + 0.2, 1e10 + 0.3]))
