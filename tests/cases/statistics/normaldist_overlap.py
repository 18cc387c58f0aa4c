import statistics as st
from statistics import NormalDist
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

N1 = NormalDist(2.4, 1.6)
N2 = NormalDist(3.2, 2.0)
print(N1.overlap(N2), N2.overlap(N1))
print(NormalDist(0, 1).overlap(NormalDist(0, 1)))
print(NormalDist(0, 1).overlap(NormalDist(3, 1)))
print(NormalDist(0, 1).overlap(NormalDist(0, 3)))
print(NormalDist(-5, 0.5).overlap(NormalDist(5, 0.5)))
print(NormalDist(10, 2).overlap(NormalDist(10.5, 2.5)))
