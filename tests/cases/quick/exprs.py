# Expressions: precedence, comparisons, boolean operators, conditionals.
a, b, c = 3, 4, 5
print(a + b * c - a / b // 1 % 2 ** 3 ** 2)
print(-a ** 2, (-a) ** 2, -2 ** 2, - -a, +a, ~a, not a)
print(a << 2 | b & c ^ 1, a >> 1)
print(a < b < c, a < b > c, a == 3 != b, a is not None, a in [3], a not in (1, 2))
print(1 < 2 < 3 < 4, 1 < 3 < 2 < 4)
print(a and b, a or b, 0 or '', None and 1, a and b or c, not a or not b)
print(a if b else c, a if not b else c, a if b > c else c if a else b)
print((a and b) or c, a and (b or c), (a or b) and not (c and 0))
x = [i for i in range(10) if i % 2 if i > 2]
print(x)
y = a if a > b else b
print(y, [a, b][a < b], {a: b}[a] if a else None)
print(-1, -1.5, -0x10, -1_000, -(1), (-1,), (1, -2, (3, -4.0)), {1, 2, 3}, {1, 2}, {-1, (2, 3), 'x', 2.5})
print(..., None, True, False, 1e3, 0o17, 0b101, 0x_ff, 10_000, 1.5e-3, 2e400)
print(12345678901234567890123 * 2, -12345678901234567890123)
s = 'abc'
print(s[1], s[-1], s[1:], s[:2], s[::-1], s[0:3:2], s[:], r'a\nb', u'x', "q'q", '''t"t''')
e = 1 if 0 else 2 if 0 else 3
print(e, 1 if () else 2, 'y' if 'x' else 'n', 1 if ... else 2, 5 if None else 6)
