import statistics as s
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: s.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
t(lambda: s.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=10, method="inclusive"))
t(lambda: s.quantiles([2.5, 1, 9, 4], n=3))
t(lambda: s.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110], n=10))
t(lambda: s.quantiles([1, 2], n=1))
