class I(int): pass
a, b = I(6), I(4)
print(a and b, a or b, not a, a if a else b, bool(I()), [x for x in (I(0), I(1)) if x])
print(a > b, a <= b, max(a, b), min(a, b), a == 6.0, a != 6.0, 6.0 == a, 2 ** I(3), I(2) ** -1)
print(a / b, a // b, a % b, -a // b, a.__add__(1), a.__radd__(1), a.__sub__("x"), int.__add__(a, b))
