import collections

def mp(v):
    match v:
        case {"a": x}:
            return f"has a={x!r}"
        case {}:
            return "mapping without a"
        case _:
            return "not a mapping"

dd = collections.defaultdict(list)
print(mp(dd), dict(dd))   # get() is used: no key is created
dd["b"] = 1
print(mp(dd), dict(dd))
dd["a"].append(1)
print(mp(dd))
print(mp(collections.OrderedDict([("a", 1)])))
print(mp(collections.Counter("aab")))
print(mp(collections.Counter("bcd")))
for v in [[("a", 1)], "a", {"a"}, None, 0, {"a": 0}]:
    print(repr(v), mp(v))

match collections.Counter("hello"):
    case {"l": n, **rest}:
        print(n, type(rest).__name__, sorted(rest.items()))
