import statistics as st
from statistics import NormalDist
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

rows = [("north", 120.5), ("south", 98.25), ("north", 130.0), ("east", 87.5), ("south", 101.0),
        ("east", 92.75), ("north", 118.0), ("west", 140.25), ("west", 133.5), ("east", 90.0)]
by = {}
for region, amt in rows:
    by.setdefault(region, []).append(amt)
for region in sorted(by):
    v = by[region]
    print(region, st.mean(v), st.median(v), round(st.pstdev(v), 4), st.fmean(v))
amts = [a for _, a in rows]
print(st.quantiles(amts, n=4), st.quantiles(amts, n=10, method='inclusive'))
idx = list(range(len(amts)))
print(st.linear_regression(idx, amts))
print(st.correlation(idx, amts), st.covariance(idx, amts))
d = NormalDist.from_samples(amts)
print(d, d.cdf(100), d.zscore(140.25))
