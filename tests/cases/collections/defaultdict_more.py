from collections import defaultdict
d = defaultdict(lambda: "dflt", a=1)
print(d["a"], d["b"], sorted(d))
e = d.copy()
print(type(e).__name__, e["zzz"], len(e), len(d))
d.default_factory = None
try:
    d["nope"]
except KeyError as ex:
    print("KeyError", ex)
try:
    defaultdict(5)
except TypeError as ex:
    print(ex)
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(nested["x"]["y"], dict(nested["x"]))
dd = defaultdict(set, {1: {2}})
dd[3].add(4)
print(dd)
print(d.__missing__ if False else "ok")
m = defaultdict(list, {"k": [1]}) | {"j": [2]}
print(type(m).__name__, m)
g = defaultdict(int)
print(g.get("x"), g.setdefault("y", 5), g)
