import copy
d = {(1, 2): [1], "k": {"n": [2]}}
e = copy.deepcopy(d)
print(e == d, e[(1, 2)] is d[(1, 2)], e["k"]["n"] is d["k"]["n"])
memo = {}
x = [1, 2]
y = copy.deepcopy([x, x], memo)
print(y[0] is y[1], id(x) in memo, memo[id(x)] is y[0])
z = copy.deepcopy(x, {id(x): "replaced"})
print(z)
print(copy.deepcopy([1, "a", 2.5, None, True, b"b"]))
