from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.RED), Color(1), Color['GREEN'], len(Color))
print(list(Color))
print(Color.RED.name, Color.RED.value, type(Color.RED), type(Color))
print(Color.RED in Color, Color.RED is Color(1), Color.RED == Color.RED, Color.RED != Color.BLUE)
print(f"{Color.GREEN}", "%s" % Color.BLUE, str(Color.RED), format(Color.RED, ">12") + "|")
print(repr(Color), Color.__name__, [c.name for c in reversed(Color)])
print(isinstance(Color.RED, Color), isinstance(Color.RED, Enum), issubclass(Color, Enum))
