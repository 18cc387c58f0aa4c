from collections import Counter
c = Counter()
c.update("aab")
c.update({"a": 10, "z": 1})
c.update(b=5)
print(c)
c.subtract("aaa")
c.subtract({"z": 3})
c.subtract(q=1)
print(c)
print(c.most_common(3))
del c["missing"]
del c["q"]
print(c)
print(list(c.elements()))
c2 = c.copy()
c2["new"] = 7
print(type(c2).__name__, "new" in c, c2["new"])
try:
    Counter.fromkeys("abc")
except NotImplementedError as e:
    print(e)
words = "the cat and the hat and the bat".split()
print(Counter(words).most_common(2))
print(Counter(words).total())
print(Counter(a=2.5, b=1).total())
