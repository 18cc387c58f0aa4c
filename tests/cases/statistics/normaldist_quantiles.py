import statistics as st
from statistics import NormalDist
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

n = NormalDist(0, 1)
print(n.quantiles())
print(n.quantiles(10))
print([round(q, 3) for q in NormalDist(100, 15).quantiles(n=5)])
print(len(n.quantiles(100)), n.quantiles(100)[:3], n.quantiles(100)[-1])
print(n.quantiles(1), n.quantiles(2))
for p in (1e-300, 1e-50, 1e-10, 0.02425, 0.0749, 0.075, 0.425, 0.5 + 1e-17, 0.925, 0.9999999, 1 - 1e-16):
    print(p, n.inv_cdf(p))
