import math

def Color(): pass
Color.RED = "red"
Color.GREEN = "green"
Color.codes = lambda: None
Color.codes.BLUE = 3

def name(c):
    match c:
        case Color.RED:
            return "is red"
        case Color.GREEN:
            return "is green"
        case Color.codes.BLUE:
            return "is blue (nested attribute)"
        case math.pi:
            return "is pi"
        case _:
            return "unknown"

for c in ["red", "green", 3, 3.0, math.pi, 3.14, None]:
    print(repr(c), name(c))

# A value pattern reads the attribute each time the case is tried.
Color.RED = "crimson"
print(name("crimson"), name("red"))
