# a __slots__ member descriptor's own attributes
class C:
    __slots__ = ("x",)
m = C.x
print(m.__doc__, m.__name__, m.__qualname__, m.__objclass__)
for a in ("__get__", "__set__", "__delete__"):
    print(a, hasattr(m, a))
try:
    m.__get__()
except TypeError as e:
    print("TypeError")
try:
    m.__set__(C())
except TypeError as e:
    print("TypeError")
print(m.__get__(None, C) is m)
try:
    m.foo = 1
except AttributeError as e:
    print("AttributeError")
try:
    m.__name__ = "q"
except AttributeError as e:
    print("AttributeError")
print(C.__dict__["x"] is m, str(m) == repr(m), m == m, hash(m) == hash(m))
