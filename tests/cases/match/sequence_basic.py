def shape(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case (x, y, z):
            return f"three: {x}, {y}, {z}"
        case [[a, b], [c, d]]:
            return f"2x2: {a}{b}{c}{d}"
        case [0, *_]:
            return "starts with 0"
        case _:
            return "many"

for v in [[], (), [1], (1,), [1, 2], (1, 2), [1, 2, 3], (4, 5, 6), [[1, 2], [3, 4]], [[1, 2], [3, 4, 5]],
          [0, 1, 2, 3], [9, 1, 2, 3], range(2), range(0, 6)]:
    print(repr(v), "->", shape(v))

# Open sequence pattern in a case, tuple subject.
match 1, 2:
    case 1, x:
        print("open sequence", x)

match [1, [2, [3, [4]]]]:
    case [a, [b, [c, [d]]]]:
        print(a + b + c + d)
