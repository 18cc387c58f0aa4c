import statistics as s
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: s.quantiles([1]))
t(lambda: s.quantiles([1, 2], n=0))
t(lambda: s.quantiles([1, 2], method="x"))
t(lambda: s.quantiles([]))
t(lambda: s.quantiles([1, 2], 4))
