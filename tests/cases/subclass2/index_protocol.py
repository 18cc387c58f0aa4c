import operator
class X:
    def __index__(self): return 2
x = X()
print([1, 2, 3, 4][x:], list(range(x)), hex(x), bin(x), oct(x), "abc"[x], (1, 2, 3)[x])
print([1, 2, 3, 4][::x], "ab" * x, x * [0], operator.index(x), (5,) * x)
b = bytearray(b"abc") if False else b"abc"
print(b[x], b * x)
