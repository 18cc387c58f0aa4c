import statistics as st
from statistics import NormalDist
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
print(NormalDist.from_samples(x * 1.5 for x in range(20)))
print(NormalDist.from_samples([1, 2, 3, 4]))
print(NormalDist.from_samples(range(10)).variance)
print(NormalDist(10, 2).samples(5, seed=42))
print(NormalDist(0, 1).samples(3, seed=7))
print(NormalDist(0, 1).samples(0, seed=1))
print(len(NormalDist(50, 5).samples(1000, seed=123)))
s = NormalDist(100, 15).samples(2000, seed=2024)
print(round(st.fmean(s), 6), round(st.stdev(s), 6))
