class Single:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        self.v = v
a = Single(1)
b = Single(2)
print(a is b, a.v)
class Weird:
    def __new__(cls):
        return 42
    def __init__(self):
        print("not called")
print(Weird())
class WithNew:
    def __new__(cls, x):
        obj = object.__new__(cls)
        obj.x = x * 2
        return obj
print(WithNew(4).x)
try:
    object.__new__(int)
except TypeError as e:
    print(e)
