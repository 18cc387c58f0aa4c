class Pairs:
    def __init__(self, n): self.n = n
    def __iter__(self):
        for i in range(self.n):
            yield (f"k{i}", i)
p = Pairs(3)
print(dict(p), list(p), tuple(p), set(p) == set(list(p)), len(list(enumerate(p))))
print(list(zip(Pairs(2), "ab")), list(map(lambda kv: kv[1], p)), [k for k, v in p if v])
print(",".join(k for k, _ in p), max(p), min(p, key=lambda kv: -kv[1]), sorted(p, reverse=True)[0])
a, *rest = Pairs(3)
print(a, rest, [*Pairs(1)], {**dict(Pairs(2))})
