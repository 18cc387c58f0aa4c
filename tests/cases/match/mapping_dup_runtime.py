# Value-pattern keys are checked for duplicates at run time (ValueError),
# while the subject is being matched, key by key.
def K(): pass
K.A = "a"
K.B = "a"
K.C = "c"

def f(v):
    match v:
        case {K.A: 1, K.B: 2}:
            return "matched"
        case _:
            return "no"

print(f({"x": 1}))          # too short: the keys are never looked at
print(f({"c": 1, "d": 2}))  # first key missing: no match, no error
try:
    f({"a": 1, "d": 2})
except ValueError as e:
    print("ValueError:", e)

K.L = [1]
def g(v):
    match v:
        case {K.L: 1}:
            return "?"
try:
    g({1: 2})
except TypeError as e:
    print("TypeError:", e)

K.ONE = 1
K.FONE = 1.0
try:
    match {1: 1, 2: 2}:
        case {K.ONE: _, K.FONE: _}:
            print("no")
except ValueError as e:
    print("ValueError:", e)
