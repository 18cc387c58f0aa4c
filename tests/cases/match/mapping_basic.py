def m(v):
    match v:
        case {"id": int(i), "tags": [*tags]}:
            return f"item {i} tags={tags}"
        case {"id": i, "name": name}:
            return f"named {name} ({i!r})"
        case {"id": None}:
            return "null id"
        case {1: one, (1, 2): pair, -1: neg, None: n, True: t}:
            return f"odd keys {one} {pair} {neg} {n} {t}"
        case {"nested": {"deep": {"value": v}}}:
            return f"deep {v}"
        case {}:
            return f"other mapping with {len(v)} keys"
        case _:
            return "not a mapping"

for v in [
    {"id": 1, "tags": ["a", "b"], "extra": True},
    {"id": "x", "tags": []},
    {"id": "x", "name": "bob"},
    {"id": None},
    {"id": None, "name": None},
    {1: "one", (1, 2): "pair", -1: "neg", None: "none", True: "true"},
    {"nested": {"deep": {"value": 42, "x": 0}}},
    {"nested": {"deep": []}},
    {},
    [],
    [("id", 1)],
]:
    print(m(v))

# Keys whose value is None are present.
match {"k": None}:
    case {"k": None}:
        print("present with None")
