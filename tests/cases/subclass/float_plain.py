class F(float):
    pass
f = F(2.5)
print(f, repr(f), F(), F("1e3"), F(3), type(f).__name__, f * 2, 2 * f, f / 2, -f, abs(F(-1.25)))
print(f == 2.5, f < 3, hash(f) == hash(2.5), f.as_integer_ratio(), f.is_integer(), F("inf"), F("nan") != F("nan"))
print(f + True, divmod(f, 2), f ** 2, 10 // f, 7 % f)
try:
    F("abc")
except ValueError as e:
    print("ValueError", e)
try:
    F([])
except TypeError as e:
    print("TypeError", e)
