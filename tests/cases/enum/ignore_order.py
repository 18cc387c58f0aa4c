from enum import Enum
class Period(Enum):
    _ignore_ = ['i', 'tmp']
    tmp = 5
    for i in range(3):
        pass
    DAY = 1
print(list(Period), hasattr(Period, 'tmp'))
class Ordered(Enum):
    _order_ = 'A B'
    A = 1
    B = 2
print(list(Ordered))
try:
    class Wrong(Enum):
        _order_ = 'B A'
        A = 1
        B = 2
except TypeError as e:
    print(e)
class Nested(Enum):
    A = 1
    def helper(self):
        return self.value * 10
    x = property(lambda self: "x" + self.name)
print(list(Nested), Nested.A.helper(), Nested.A.x)
