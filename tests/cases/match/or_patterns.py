def f(v):
    match v:
        case 1 | 2 | 3:
            return "small"
        case "a" | "b":
            return "letter"
        case [x] | (x, 0) | {"x": x}:
            return f"x={x}"
        case [a, b] | {"b": b, "a": a} | (b, a, None):
            return f"a={a} b={b}"
        case [(1 | 2) as n, *_] | [*_, (8 | 9) as n]:
            return f"n={n}"
        case None | True:
            return "singleton"
        case _:
            return "other"

for v in [1, 3, 4, "a", "c", [7], (7, 0), {"x": 8}, [1, 2], {"a": 10, "b": 20}, (30, 40, None),
          [2, 5, 6], [5, 6, 9], [0, 0, 0], None, True, False]:
    print(repr(v), "->", f(v))

# Captures bound in a different order in each alternative.
match {"k": 1, "v": 2}:
    case [k, v] | {"v": v, "k": k}:
        print("k", k, "v", v)
match [1, [2, 3]]:
    case [a, [b, c]] | [[c, b], a]:
        print(a, b, c)
match [[3, 2], 1]:
    case [a, [b, c]] | [[c, b], a]:
        print(a, b, c)
match (1, 2, 3, 4):
    case (a, b, c, d) | [d, c, b, a, _]:
        print(a, b, c, d)
match [4, 3, 2, 1, 0]:
    case (a, b, c, d) | [d, c, b, a, _]:
        print(a, b, c, d)
