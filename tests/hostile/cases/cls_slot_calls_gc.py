# Instances as dict keys and set members under churn: hashes and compares
# run nested while the collector frees dict tables (one block each now).
# expect: ok
class K:
    __slots__ = ("a", "b")
    def __init__(self, a, b): self.a, self.b = a, b
    def __hash__(self): return hash((self.a, self.b))
    def __eq__(self, o):
        junk = [{"x": i} for i in range(3)]
        return self.a == o.a and self.b == o.b
d, s = {}, set()
for i in range(12000):
    k = K(i % 97, i % 13)
    d[k] = d.get(k, 0) + 1
    s.add(K(i % 31, 0))
    if i % 7 == 0:
        d.pop(K(i % 97, i % 13), None)
        d = dict(d) if i % 1000 == 0 else d
print(len(d), len(s), sum(d.values()))
