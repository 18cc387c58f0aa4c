def g(self, k=1):
    return (self, k)
b = g.__get__(5)
print(b(), b(2), type(b).__name__)
print(g.__get__(None, int) is g)
class M:
    pass
m = M()
m.h = g.__get__(m)
print(m.h()[0] is m)
try:
    g.__get__(None, None)
except TypeError as e:
    print(e)
try:
    g.__get__()
except TypeError as e:
    print(type(e).__name__)
