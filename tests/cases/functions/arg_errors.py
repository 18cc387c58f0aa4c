def f(a, b, c=1, *, k):
    pass
def g(a, /, b):
    pass
tests = [lambda: f(1), lambda: f(1, 2, 3, 4, k=1), lambda: f(1, 2, k=1, z=3), lambda: f(1, 2, a=1, k=1), lambda: f(1, 2), lambda: g(a=1, b=2), lambda: (lambda: 0)(1), lambda: f()]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
