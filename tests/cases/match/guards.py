def classify(point):
    match point:
        case (x, y) if x == y:
            return f"diagonal {x}"
        case (x, y) if x > 0 and y > 0:
            return "first quadrant"
        case (x, _) if (double := x * 2) > 10:
            return f"wide, double={double}"
        case _ if isinstance(point, str):
            return "a string"
        case _:
            return "elsewhere"

for p in [(1, 1), (2, 3), (6, -1), (-1, -2), "s", None]:
    print(p, classify(p))

# A failed guard keeps the names bound by its pattern.
match [5, 6]:
    case [a, b] if a > b:
        print("no")
    case _:
        print("after failed guard", a, b)

# Guards run in order and only when the pattern matched.
log = []
def g(tag, result):
    log.append(tag)
    return result

match 3:
    case 1 if g("a", True):
        pass
    case 3 if g("b", False):
        pass
    case int() if g("c", True):
        print("third case")
    case _ if g("d", True):
        pass
print(log)

# A guard on the final wildcard.
def last(v):
    match v:
        case 1:
            return "one"
        case _ if v == 2:
            return "two"
    return "fell through"
print(last(1), last(2), last(3))
