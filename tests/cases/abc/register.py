from abc import ABC, ABCMeta
class Drawable(ABC):
    pass
class Point:
    pass
Drawable.register(Point)
print(isinstance(Point(), Drawable), issubclass(Point, Drawable), issubclass(int, Drawable))
@Drawable.register
class Circle:
    pass
print(issubclass(Circle, Drawable), Circle.__name__)
Drawable.register(tuple)
print(isinstance((1, 2), Drawable), isinstance([1], Drawable))
class Sub(Drawable):
    pass
class Line:
    pass
Sub.register(Line)
print(issubclass(Line, Sub), issubclass(Line, Drawable), issubclass(Point, Sub))
try:
    Drawable.register(5)
except TypeError as e:
    print(e)
try:
    Sub.register(Drawable)
except RuntimeError as e:
    print(e)
print(Drawable.register(Sub) is Sub)
