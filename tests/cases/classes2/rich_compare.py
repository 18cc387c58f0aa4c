class N:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __eq__(self, o): return self.v == o.v
    def __repr__(self): return f"N{self.v}"
a, b = N(1), N(2)
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(b > a, b >= a)
print(sorted([N(3), N(1), N(2)]), min(N(5), N(4)), max([N(1), N(9), N(3)]))
class OnlyLt:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
x, y = OnlyLt(1), OnlyLt(2)
print(x < y, y > x)
try:
    x <= y
except TypeError as e:
    print(e)
try:
    x < 3
except AttributeError as e:
    print(e)
try:
    N(1) < 5
except AttributeError as e:
    print(e)
