import statistics as st
from statistics import NormalDist
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

n = NormalDist(100, 15)
print(n, repr(n), n.mean, n.median, n.mode, n.stdev, n.variance)
print(n.pdf(110), n.pdf(100), n.cdf(130), n.cdf(70), n.cdf(100))
print(n.inv_cdf(0.975), n.inv_cdf(0.5), n.inv_cdf(0.01), n.inv_cdf(0.999999))
print(n.zscore(80), n.zscore(145))
print(NormalDist(), NormalDist(mu=3), NormalDist(sigma=2), NormalDist(1, 0))
print(NormalDist(True, 2).mean, type(NormalDist(1, 2).mean))
print(round(NormalDist(60, 15).cdf(90) - NormalDist(60, 15).cdf(75), 4))
