# del statements compiled by the quick compiler
d = {"a": 1, "b": 2, "c": 3}
lst = list(range(10))
del d["a"], lst[0], lst[2:4], lst[::3]
print(d, lst)
x = y = 5
del x, (y)
try:
    print(x)
except NameError as e:
    print("NameError", e)

def f(v):
    w = v * 2
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "unbound", w, str(e)
print(f(3))

def g(rows):
    for r in rows:
        del r["tmp"]
    return rows
print(g([{"tmp": 1, "k": 2}]))
try:
    del d["missing"]
except KeyError as e:
    print("KeyError", e)
import math
ns = {"m": math}
del ns["m"], [lst[0], lst[1]]
print(ns, lst)
