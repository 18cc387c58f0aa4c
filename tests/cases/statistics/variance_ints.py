import statistics as s
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: s.variance([1, 2, 3, 4]))
t(lambda: s.pvariance([1, 2, 3, 4]))
t(lambda: s.variance([1, 2, 4]))
t(lambda: s.variance([1, 2, 3], 2))
t(lambda: s.pvariance([2, 4, 4, 4, 5, 5, 7, 9]))
t(lambda: s.variance(range(10)))
t(lambda: s.variance([10**20, 10**20 + 1, 3]))
