def star(v):
    match v:
        case [*all_] if len(all_) == 0:
            return ("empty", all_)
        case [first, *rest] if len(v) < 3:
            return ("first/rest", first, rest)
        case [first, *middle, last] if len(v) < 5:
            return ("first/middle/last", first, middle, last)
        case [*init, 9]:
            return ("ends in 9", init)
        case [_, _, *_, x]:
            return ("last via subscript", x)

for v in [[], [1], [1, 2], (1, 2, 3), [1, 2, 3, 4], [1, 2, 3, 4, 5, 9], [5, 6, 7, 8, 9, 10], range(3), range(10)]:
    print(repr(v), "->", star(v))

# the rest is always a list, even from a tuple or range
match (1, 2, 3):
    case (a, *b):
        print(type(b).__name__, b)
match range(5):
    case [*a, b]:
        print(a, b)
match [1, 2]:
    case [*_]:
        print("star wildcard matches any sequence")
match [1, 2, 3]:
    case [x, *_, y, z]:
        print(x, y, z)
match [1]:
    case [x, *_, y]:
        print("no")
    case [*_, x]:
        print("last", x)
