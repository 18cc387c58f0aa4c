class Default(dict):
    def __missing__(self, key):
        return f"<{key}>"
d = Default(a=1)
print(d["a"], d["b"], d, "b" in d, d.get("b"), len(d), type(d).__name__)
class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
    def __setattr__(self, name, value):
        self[name] = value
a = AttrDict({"x": 1})
a.y = 2
print(a.x, a.y, a, dict(a), sorted(a.items()))
try:
    a.z
except AttributeError as e:
    print("AttributeError", e)
class Counting(dict):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.sets = 0
    def __setitem__(self, k, v):
        self.sets += 1
        super().__setitem__(k, v)
c = Counting(a=1)
c["b"] = 2
c["c"] = 3
print(c, c.sets, {**c}, c.copy(), type(c.copy()).__name__, c | {"z": 0}, type(c | {}).__name__)
class Inv(dict):
    def __missing__(self, key):
        self[key] = len(self)
        return self[key]
i = Inv()
print([i[k] for k in "abcab"], i)
