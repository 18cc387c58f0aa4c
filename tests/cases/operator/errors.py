import operator
tests = [
    lambda: operator.itemgetter(3)([1]),
    lambda: operator.itemgetter("k")({}),
    lambda: operator.attrgetter("missing")(1),
    lambda: operator.attrgetter("real.nope")(1),
    lambda: operator.methodcaller("nope")(1),
    lambda: operator.add(1, "a"),
    lambda: operator.neg("x"),
    lambda: operator.concat({}, {}),
    lambda: operator.indexOf([1, 2], 3),
    lambda: operator.getitem(5, 0),
    lambda: operator.lt(1, "a"),
    lambda: operator.index("5"),
    lambda: operator.mod(1, 0),
    lambda: operator.attrgetter(),
    lambda: operator.methodcaller(5),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
