class DefaultDict(dict):
    def __init__(self, factory, *a, **kw):
        super().__init__(*a, **kw)
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
d = DefaultDict(list)
d["a"].append(1)
d["a"].append(2)
d["b"].append(3)
print(d, len(d), d.get("zz"), "zz" in d, type(d).__name__)
class Counter(dict):
    def __missing__(self, k): return 0
c = Counter()
for ch in "hello":
    c[ch] += 1
print(sorted(c.items()), c["q"])
class AttrDict(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k)
    def __setattr__(self, k, v):
        self[k] = v
a = AttrDict(x=1)
a.y = 2
print(a.x, a.y, a, hasattr(a, "z"))
print(dict(a), {**a}, list(a.keys()))
