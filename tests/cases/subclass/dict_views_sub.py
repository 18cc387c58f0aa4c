class D(dict):
    def keys(self):
        return ["fake"]
d = D(a=1, b=2)
print(d.keys(), list(d), sorted(d.items()), list(d.values()), dict(d), {**d}, len(d))
class E(dict): pass
e = E(x=1)
e.update(y=2)
e.setdefault("z", 3)
print(e, e.pop("x"), e, E.fromkeys("ab", 0), type(E.fromkeys("ab")).__name__, e == {"y": 2, "z": 3})
