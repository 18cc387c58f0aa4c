def init(self, v):
    self.v = v
Point = type('Point', (), {'__init__': init, 'double': lambda self: self.v * 2, 'z': 0})
p = Point(21)
print(Point.__name__, p.double(), p.z, type(p) is Point, Point.__bases__, Point.__module__)
Sub = type('Sub', (Point,), {'z': 5})
print(Sub(1).double(), Sub.z, Sub.__mro__)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("Meta.__new__", name)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns):
        print("Meta.__init__", name)
class Base(metaclass=Meta): pass
X = type('X', (Base,), {})
print(type(X).__name__)
Y = Meta('Y', (), {'a': 1})
print(type(Y).__name__, Y.a)
for args in [('a',), ('a', 'b'), ('a', (), {}, 1)]:
    try:
        type(*args)
    except TypeError as e:
        print(e)
for bad in [(1, (), {}), ('a', [], {}), ('a', (), [])]:
    try:
        type(*bad)
    except TypeError as e:
        print(e)
