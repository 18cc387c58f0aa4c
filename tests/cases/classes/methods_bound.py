class A:
    def m(self, a, b=2):
        return (a, b)
a = A()
f = a.m
print(f(1), f(1, b=3), A.m(a, 5))
print(f.__self__ is a, f.__func__ is A.m, f.__name__, f.__qualname__)
print(a.m == a.m, a.m == A().m)
try:
    A.m()
except TypeError as e:
    print(e)
try:
    a.m()
except TypeError as e:
    print(e)
