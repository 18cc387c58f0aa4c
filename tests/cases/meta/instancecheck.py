class DuckMeta(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
class Duck(metaclass=DuckMeta):
    pass
class Robot:
    def quack(self): return "beep"
print(isinstance(Robot(), Duck), isinstance(5, Duck), issubclass(Robot, Duck), issubclass(int, Duck))
print(isinstance(Duck(), Duck), isinstance(Robot(), (int, Duck)))
class Even(type):
    def __instancecheck__(cls, x):
        return isinstance(x, int) and x % 2 == 0
class EvenNum(metaclass=Even): pass
print([x for x in range(7) if isinstance(x, EvenNum)])
print(type.__instancecheck__(int, 3), type.__subclasscheck__(int, bool))
try:
    issubclass(3, Duck)
except TypeError as e:
    print(e)
