from collections import Counter
print(Counter("zyxxyzzz"))
print(Counter({"b": 2, "a": 2, "c": 3}))
c = Counter({"x": 1.5, "y": 3})
print(c, c.most_common(1))
print(Counter({"a": "s", "b": 1}))
print(repr(Counter(a=0)), +Counter(a=0, b=-1))
print(Counter([(1, 2), (1, 2), (3,)]))
