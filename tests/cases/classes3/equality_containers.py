class P:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, P) and o.v == self.v
    def __hash__(self): return hash(self.v)
    def __repr__(self): return f"P{self.v}"
l = [P(1), P(2), P(3)]
print(P(2) in l, l.index(P(3)), l.count(P(1)), l == [P(1), P(2), P(3)])
l.remove(P(2))
print(l, (P(1),) == (P(1),), {P(1): "a"} == {P(1): "a"}, {P(1)} == {P(1)})
d = {P(1): 1, P(2): 2}
print(d[P(2)], d.get(P(3)), P(1) in d.keys(), sorted(d, key=lambda p: -p.v))
