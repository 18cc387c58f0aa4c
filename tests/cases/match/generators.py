def gen(items):
    for it in items:
        match it:
            case {"yield": v}:
                yield v
            case {"yield_from": [*vs]}:
                yield from vs
            case int(n) if (yield f"guard saw {n}") is None:
                yield "after guard"
            case "stop":
                return
            case _:
                continue

print(list(gen([{"yield": 1}, {"yield_from": [2, 3]}, 4, "skip", {"yield": 5}, "stop", {"yield": 6}])))

g = gen([7, 8])
print(next(g))
print(g.send("not None"))
print(next(g, "done"))
