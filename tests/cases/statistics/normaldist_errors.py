import statistics as st
from statistics import NormalDist
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: NormalDist(1, -1))
t(lambda: NormalDist(1, 0).pdf(1))
t(lambda: NormalDist(1, 0).cdf(1))
t(lambda: NormalDist(1, 0).inv_cdf(0.5))
t(lambda: NormalDist(1, 0).zscore(1))
t(lambda: NormalDist().inv_cdf(0))
t(lambda: NormalDist().inv_cdf(1))
t(lambda: NormalDist().inv_cdf(-0.5))
t(lambda: NormalDist().overlap(3))
t(lambda: NormalDist(0, 0).overlap(NormalDist()))
t(lambda: NormalDist.from_samples([1]))
t(lambda: NormalDist.from_samples([]))
t(lambda: NormalDist('a'))
t(lambda: NormalDist() < NormalDist())
t(lambda: NormalDist() + 'x')
t(lambda: NormalDist().quantiles(0))
