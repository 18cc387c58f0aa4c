def f(v):
    match v:
        case [int() as first, *rest] as whole:
            return f"first={first} rest={rest} whole={whole}"
        case {"p": (1 | 2) as p} as m:
            return f"p={p} m={m}"
        case ((str() as s) | (bytes() as s)) as either:
            return f"s={s!r} either={either!r}"
        case (x as y) as z:
            return f"x={x} y={y} z={z}"

for v in [[1, 2, 3], {"p": 2}, {"p": 3}, "hi", b"lo", 4.5]:
    print(f(v))

match [1, 2]:
    case [_ as a, _ as b]:
        print(a, b)
