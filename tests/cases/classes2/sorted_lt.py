class Ver:
    def __init__(self, s): self.parts = tuple(int(p) for p in s.split("."))
    def __lt__(self, o): return self.parts < o.parts
    def __repr__(self): return ".".join(map(str, self.parts))
vs = [Ver("1.10"), Ver("1.2"), Ver("0.9.1"), Ver("1.2.0")]
print(sorted(vs), min(vs), max(vs), sorted(vs, reverse=True))
vs.sort()
print(vs)
class Gt:
    def __init__(self, v): self.v = v
    def __gt__(self, o): return self.v > o.v
    def __repr__(self): return f"Gt({self.v})"
print(sorted([Gt(2), Gt(1), Gt(3)]), max([Gt(2), Gt(5)]))
try:
    sorted([object(), object()])
except TypeError as e:
    print(e)
