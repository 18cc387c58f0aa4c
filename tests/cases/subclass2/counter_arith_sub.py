from collections import Counter
class C(Counter):
    pass
a, b = C(a=3, b=1), C(a=1, c=2)
print(a - b, a | b, a & b, -a, +b)
print(a == Counter(a=3, b=1), a <= a + b)
a += b
print(type(a).__name__, a)
