# Sorting tuple keys: the inline tuple order must match CPython's exactly.
class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, K) and self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"K({self.v})"

data = [(3, "b", 1.5), (1, "a"), (3, "a", 2), (1, "a", 0), (2,), (3, "b", -1.0), (1,), ()]
print(sorted(data))
print(sorted(data, reverse=True))
print(sorted([(1, K(2)), (1, K(1)), (0, K(5)), (1, K(1), 0)]))
print(sorted([(float("nan"), 1), (1.0, 2), (0.5, 3)]))
print(sorted([(True, 1), (1, 0), (0, 5), (False, 2)]))
print(sorted([("b", 2), ("a", 3), ("b", 1), ("ab", 0)], key=lambda t: (t[0], -t[1])))
words = ["pear", "fig", "apple", "kiwi", "date"]
print(sorted(words, key=lambda w: (len(w), w)))
try:
    sorted([(1, "x"), (1, 2)])
except TypeError as e:
    print("TypeError", e)
try:
    sorted([(1,), 5])
except TypeError as e:
    print("TypeError", e)
l = [(i % 3, -i) for i in range(10)]
l.sort()
print(l)
print(sorted([((1, 2), "a"), ((1, 1), "b"), ((0, 9), "c")]))
