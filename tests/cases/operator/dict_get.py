import operator
counts = {"a": 3, "b": 7, "c": 5}
print(max(counts, key=counts.get), max(counts.items(), key=operator.itemgetter(1))[0])
top = sorted(counts.items(), key=operator.itemgetter(1, 0), reverse=True)[:2]
print(top)
inv = dict(map(operator.itemgetter(1, 0), counts.items()))
print(inv)
print(operator.contains("hello", "ell"), operator.contains(range(5), 7))
