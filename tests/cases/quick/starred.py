# starred items in displays and calls, compiled by the quick compiler
a = [1, 2]
b = (3, 4)
d = {"x": 1, "y": 2}
print([*a, *b], [0, *a, 5], (*a,), (*a, *b, 6), {*a, *b}, {0, *a})
print({**d}, {**d, "y": 3, "z": 4}, {"w": 0, **d}, {**d, **{"x": 9}}, {"k": 1, **d, "k": 2})
row = {"id": 7, "qty": 3}
merged = [{**r, "total": r["qty"] * 2} for r in [row, {"id": 8, "qty": 5}]]
print(merged)

def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*a), f(*a, *b), f(0, *a, 9), f(**d), f(*a, **d), f(1, k=2, **d), f(**d, z=0))
print(f(*(x * x for x in a)), f(*[]), f(**{}), f(*a or b))
print(max(*a), "-".join([*map(str, b)]), sorted(*[[3, 1, 2]], reverse=True))
print(" ".join(*[["s", "t"]]))

print("{}-{}".format(*a), "{x}/{y}".format(**d), "{}{}{z}".format(*b, z=1), d.get(*["x"]))
print(("{}+{}".format)(*a), d.setdefault(*("n", 5)), sorted(d.items()))
big = [*range(3), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, *a]
print(len(big), big[:5], big[-3:])
x = *a, *b
print(x)
try:
    f(**d, **{"x": 0})
except TypeError as e:
    print("TypeError", e)
try:
    f(*5)
except TypeError as e:
    print("TypeError", e)
try:
    {**[1]}
except TypeError as e:
    print("TypeError", e)
print(f(*a,
        *b,
        k=1,
        **d))
