# Builtin types match their single positional sub-pattern against the subject itself.
def what(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b):
            return f"bytes {b!r}"
        case list([first, *_]):
            return f"non-empty list starting with {first}"
        case list(l):
            return f"empty list {l}"
        case tuple((a, b)):
            return f"pair {a} {b}"
        case tuple(t):
            return f"tuple of {len(t)}"
        case dict({"k": k}):
            return f"dict with k={k}"
        case dict(d):
            return f"dict {d}"
        case set(s):
            return f"set of {len(s)}"
        case frozenset(s):
            return f"frozenset of {len(s)}"
        case _:
            return "other"

for v in [True, 3, 10**30, 2.5, "x", b"y", [1, 2], [], (1, 2), (1, 2, 3), {"k": 9}, {"j": 1}, {1, 2},
          frozenset(), None, range(3)]:
    print(repr(v), "->", what(v))

match 5:
    case int():
        print("int() with no sub-patterns")
match True:
    case int(x):
        print("True is an int:", x)
match 5:
    case float():
        print("no")
    case object():
        print("everything is an object")
match 7:
    case int(real=r, imag=i):
        print("keyword attributes", r, i)
match 7:
    case int(7, real=7):
        print("positional self and keyword")
match 7:
    case int(numerator=n, denominator=1):
        print("numerator", n)
match "abc":
    case str(upper=u):
        print(u())
match 3:
    case int(missing_attribute=x):
        print("no")
    case _:
        print("missing attribute: no match")
