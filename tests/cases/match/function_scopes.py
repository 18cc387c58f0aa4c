# Captures follow the usual scoping rules: fast locals, cells, globals, nonlocal.
def outer(v):
    match v:
        case [a, b]:
            pass
    def inner():
        return a + b
    return inner()
print(outer([1, 2]))

g = None
def set_global(v):
    global g
    match v:
        case {"g": g}:
            pass
set_global({"g": "global value"})
print(g)

def counter():
    n = 0
    def bump(v):
        nonlocal n
        match v:
            case int(n) if n > 0:
                pass
        return n
    return bump
b = counter()
print(b(5), b(-1), b("x"))

# Lambdas and comprehensions in a guard see the captures.
def guard_scope(v):
    match v:
        case [*xs] if all(x > 0 for x in xs) and (lambda: len(xs))() > 1:
            return "all positive"
        case _:
            return "no"
print(guard_scope([1, 2]), guard_scope([1]), guard_scope([1, -1]))
