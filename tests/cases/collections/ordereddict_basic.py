from collections import OrderedDict
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od)
od.move_to_end("b")
print(list(od))
od.move_to_end("c", last=False)
print(list(od))
print(od.popitem())
print(od.popitem(last=False))
print(od)
print(OrderedDict())
x = OrderedDict(a=1, b=2)
y = OrderedDict(b=2, a=1)
print(x == y, x == dict(y), dict(x) == y)
print(isinstance(x, dict))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
try:
    x.move_to_end("zz")
except KeyError as e:
    print("KeyError", e)
z = x.copy()
z["c"] = 3
print(z, x)
print(OrderedDict([("k", 1), ("j", 2)]) | {"a": 0})
print(OrderedDict.fromkeys("abc", 0))
