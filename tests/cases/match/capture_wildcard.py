def f(v):
    match v:
        case [x, _, _]:
            print("three, first", x)
        case [_, y]:
            print("two, second", y)
        case x:
            print("anything", x)
    return None

f([1, 2, 3])
f([4, 5])
f("s")

# Bindings stay visible after the match statement (module scope).
match (1, 2):
    case (a, b):
        pass
print(a, b)

# A failed case binds nothing; a later case's capture does.
match [10, 20]:
    case [p, q, r]:
        print("no")
    case [p, q]:
        print("yes", p, q)

# `_` never binds.
_ = "before"
match 99:
    case _:
        pass
print(_)
