class MyInt(int):
    pass
x = MyInt(5)
print(x, repr(x), type(x).__name__, isinstance(x, int), issubclass(MyInt, int))
print(x + 1, type(x + 1).__name__, 1 + x, type(1 + x).__name__, x * x, x - 10, x // 2, x % 3, x ** 2)
print(-x, +x, abs(MyInt(-7)), ~x, x << 2, x >> 1, x & 3, x | 8, x ^ 1)
print(x == 5, 5 == x, x < 6, x >= 5, hash(x) == hash(5), bool(MyInt(0)), bool(x))
print(x.bit_length(), x.real, x.imag, x.numerator, x.denominator, x.to_bytes(2, "big"))
print(int(x), type(int(x)).__name__, float(x), str(x), f"{x:>4}|{x:x}|{x:08.2f}")
print(MyInt(), MyInt("42"), MyInt("ff", 16), MyInt("11", base=2), MyInt(3.9), MyInt(True))
print(divmod(x, 3), pow(x, 2, 7), round(x), type(round(x)).__name__)
