class Lower(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
    def __contains__(self, k):
        return super().__contains__(k.lower())
d = Lower()
d["A"] = 1
d.update(B=2)
print(d["a"], "A" in d, "b" in d, d, dict(d), len(d), sorted(d.items()))
class Missing(dict):
    def __missing__(self, k):
        return k * 2
m = Missing(a=1)
print(m["a"], m["zz"], m.get("q", "default"), "zz" in m)
class Ordered(dict):
    def __iter__(self):
        return iter(sorted(super().keys()))
o = Ordered(b=1, a=2)
print(list(o), list(o.keys()), {**o})
