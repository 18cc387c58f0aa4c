import statistics as s
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: s.fmean([1, 2, 3.5]))
t(lambda: s.fmean([]))
t(lambda: s.fmean([1, 2, 3], [3, 2, 1]))
t(lambda: s.fmean(iter([0.1] * 10)))
t(lambda: s.fmean([1e100, 1.0, -1e100]))
t(lambda: s.fmean([1, 2], [1]))
t(lambda: s.fmean([1, 2], [0, 0]))
