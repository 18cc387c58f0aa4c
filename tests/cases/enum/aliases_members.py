from enum import Enum
class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2
print(Shape.ALIAS_FOR_SQUARE, Shape(2), Shape.ALIAS_FOR_SQUARE is Shape.SQUARE, len(Shape))
print(list(Shape))
print(Shape.__members__)
print(list(Shape.__members__.items()))
print([name for name, m in Shape.__members__.items() if m.name != name])
print(Shape['ALIAS_FOR_SQUARE'], repr(Shape.__members__)[:14])
