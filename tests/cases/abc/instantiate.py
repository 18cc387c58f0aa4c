from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
class Poly(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    def describe(self):
        return "poly with area %s" % self.area()
for cls in (Shape, Poly):
    try:
        cls()
    except TypeError as e:
        print(e)
class Half(Poly):
    def area(self): return 1
try:
    Half()
except TypeError as e:
    print(e)
class Square(Half):
    def __init__(self, s): self.s = s
    def area(self): return self.s * self.s
    def perimeter(self): return 4 * self.s
sq = Square(3)
print(sq.area(), sq.perimeter(), sq.describe(), isinstance(sq, Poly), isinstance(sq, ABC))
print(sorted(Poly.__abstractmethods__), Half.__abstractmethods__, Square.__abstractmethods__)
