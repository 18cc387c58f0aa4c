class I(int): pass
class S(str): pass
class T(tuple): pass
class Z(frozenset): pass
for obj in (I(1), S("s"), T((1,)), Z([1])):
    obj.a = 1
    obj.__dict__["b"] = 2
    print(type(obj).__name__, obj.a, obj.b, sorted(vars(obj)))
    del obj.a
    print(hasattr(obj, "a"), obj.__dict__)
class Slotted(int):
    __slots__ = ()
try:
    Slotted(3).x = 1
except AttributeError as e:
    print("AttributeError", e)
print(Slotted(3) + 1, hasattr(Slotted(3), "__dict__"))
try:
    (5).x = 1
except AttributeError as e:
    print("AttributeError", e)
