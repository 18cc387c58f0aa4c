# Class patterns over user classes: __match_args__ positional, keyword attributes.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center = center
        self.r = r

class Tag:
    def __init__(self, name):
        self.name = name

def describe(shape):
    match shape:
        case Point(0, 0):
            return "origin"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point(0, y=y):
            return f"on the y axis at {y}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case Circle(Point(x, y), r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(center=Point(x=0, y=0), r=r):
            return f"circle of radius {r} at the origin"
        case Circle(_, r):
            return f"circle r={r}"
        case Tag(name="a" | "b" as n):
            return f"tag {n}"
        case Tag(name=str(n)):
            return f"other tag {n}"
        case _:
            return "unknown"

for s in [Point(0, 0), Point(3, 0), Point(0, 4), Point(5, 5), Point(1, 2), Circle(Point(1, 2), 20),
          Circle(Point(0, 0), 3), Circle(Point(1, 1), 3), Tag("a"), Tag("zz"), Tag(5), "p"]:
    print(describe(s))

# Subclasses match their base class pattern and inherit __match_args__.
class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

match Point3(1, 2, 3):
    case Point(a, b):
        print("as Point", a, b)
match Point3(1, 2, 3):
    case Point3(a, b, c):
        print("as Point3", a, b, c)
match Point(1, 2):
    case Point3():
        print("no")
    case _:
        print("a base instance does not match the subclass")
