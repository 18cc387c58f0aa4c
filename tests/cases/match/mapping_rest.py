def split(v):
    match v:
        case {"type": t, **rest}:
            return t, rest
        case {**everything}:
            return None, everything

d = {"a": 1, "type": "T", "b": 2, "c": 3}
t, rest = split(d)
print(t, rest)
print(rest is d, d)
rest["new"] = 1
print("original unchanged:", d)
print(split({}))
print(split({"x": 1}))
e = {"z": 0}
_, r = split(e)
print(r == e, r is e)

match {"a": 1, "b": 2, "c": 3}:
    case {"b": 2, "a": a, **others}:
        print(a, others, list(others))

# **rest needs only a mapping
match {1: 2}:
    case {**r} if not r:
        print("empty?")
    case {**r}:
        print("rest", r)
