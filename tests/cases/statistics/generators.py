import statistics as s
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
def gen(n):
    for i in range(n):
        yield i * 0.5
t(lambda: s.mean(gen(10)))
t(lambda: s.variance(gen(10)))
t(lambda: s.median(gen(7)))
t(lambda: s.mode(x % 3 for x in range(10)))
t(lambda: s.stdev(gen(5)))
t(lambda: s.quantiles(gen(9), n=4))
