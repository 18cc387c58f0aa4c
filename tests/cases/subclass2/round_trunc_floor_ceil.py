import math
class R:
    def __round__(self, n=None): return ("round", n)
    def __trunc__(self): return "trunc"
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"
r = R()
print(round(r), round(r, 2), math.trunc(r), math.floor(r), math.ceil(r))
class M(float):
    def __round__(self, n=None): return "r"
print(round(M(1.5)), round(M(1.5), 1))
