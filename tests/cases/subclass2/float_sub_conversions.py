import math
class F(float):
    def __float__(self): return 9.0
    def __int__(self): return 8
print(float(F(2.5)), int(F(2.5)), F(2.5) + 1, math.floor(F(2.5)), round(F(2.5)))
class G(float):
    pass
print(int(G(3.7)), float(G(1.25)), math.trunc(G(3.7)), type(float(G(1.0))).__name__)
