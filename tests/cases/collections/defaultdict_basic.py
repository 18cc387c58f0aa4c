from collections import defaultdict
d = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    d[k].append(v)
print(d)
print(d["zz"], len(d))
print(isinstance(d, dict), type(d))
print(d.default_factory)
c = defaultdict(int)
for ch in "mississippi":
    c[ch] += 1
print(sorted(c.items()))
print(dict(c))
print(c == {"m": 1, "i": 4, "s": 4, "p": 2})
n = defaultdict()
print(n)
try:
    n["x"]
except KeyError as e:
    print("KeyError", e)
print(c.get("q"), "q" in c)
