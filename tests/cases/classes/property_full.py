class Circle:
    def __init__(self, r): self._r = r
    @property
    def radius(self):
        """The radius."""
        return self._r
    @radius.setter
    def radius(self, v):
        if v < 0: raise ValueError("negative")
        self._r = v
    @radius.deleter
    def radius(self):
        print("deleting")
        del self._r
    @property
    def area(self): return 3 * self._r ** 2
c = Circle(2)
print(c.radius, c.area)
c.radius = 3
print(c.radius, c.area, Circle.radius.__doc__)
try:
    c.radius = -1
except ValueError as e:
    print(e)
try:
    c.area = 5
except AttributeError as e:
    print(e)
del c.radius
try:
    c.radius
except AttributeError as e:
    print(e)
try:
    del c.area
except AttributeError as e:
    print(e)
print(type(Circle.radius).__name__, Circle.radius.fget.__name__)
