class Celsius(float):
    def __new__(cls, v):
        return super().__new__(cls, round(v, 2))
    def to_f(self):
        return Celsius(self * 9 / 5 + 32)
    def __repr__(self):
        return f"{float(self):.2f}C"
c = Celsius(21.456)
print(c, repr(c), str(c), c.to_f(), c + 1, type(c + 1).__name__, c > 20, c.is_integer())
print(f"{c:.1f}", "%.3f" % c, format(c, "e"), round(c), round(c, 1), int(c))
print(sorted([Celsius(3), Celsius(-1.5), Celsius(2.25)]))
print(max(Celsius(1), 2.5), min([Celsius(9), Celsius(4)]), c.real, c.hex() == float(c).hex())
import math
print(math.floor(c), math.sqrt(Celsius(16)), math.isclose(c, 21.46))
