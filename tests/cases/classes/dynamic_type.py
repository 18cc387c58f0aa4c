Base = type("Base", (), {"x": 1, "hello": lambda self: "hi"})
Derived = type("Derived", (Base,), {"y": 2})
d = Derived()
print(d.x, d.y, d.hello(), Derived.__mro__, Base.__module__)
print(type(d).__name__, type("T", (object,), {})().__class__.__name__)
try:
    type("X", [], {})
except TypeError as e:
    print(e)
try:
    type("X", (), [])
except TypeError as e:
    print(e)
try:
    type(1, 2)
except TypeError as e:
    print(e)
