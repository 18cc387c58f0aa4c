# The VM's float/int fast paths (BINARY_OP, LOAD_CONST + subscript) against
# the general paths: results, exception types and messages.

def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

# float ** float: the positive finite base is the fast case
show(lambda: 2.0 ** 0.5)
show(lambda: 1.0 ** 1e300)
show(lambda: 10.0 ** 400.0)
show(lambda: 10.0 ** -400.0)
show(lambda: 0.5 ** -2000.0)
show(lambda: 0.0 ** -1.0)
show(lambda: 0.0 ** 2.0)
show(lambda: (-8.0) ** 2.0)
show(lambda: (-8.0) ** 3.0)
show(lambda: (-8.0) ** 0.5 if False else 0)
show(lambda: float('inf') ** 0.5)
show(lambda: float('inf') ** -1.0)
show(lambda: float('nan') ** 0.0)
show(lambda: 2.0 ** float('inf'))
show(lambda: 0.5 ** float('-inf'))
show(lambda: 2.0 ** float('nan'))
show(lambda: 1e308 ** 1.5)

# float with int, both orders
big = 2 ** 53 + 1
huge = 2 ** 64 + 7
x = 0.1
for y in (3, -3, 0, big, -big, 2 ** 62, huge, True):
    show(lambda: x + y)
    show(lambda: y - x)
    show(lambda: x * y)
    show(lambda: y / x)
    show(lambda: x / y)
    show(lambda: x ** y)
    show(lambda: abs(y) ** x)
    show(lambda: x // y)
    show(lambda: y % x)
show(lambda: 1.5 ** 2)
show(lambda: 10.0 ** 400)
show(lambda: 2 ** -0.5)
show(lambda: (-2) ** 0.5 if False else 0)
show(lambda: 7 / 0.0)
show(lambda: 7.0 / 0)
show(lambda: 7.0 // 0)
show(lambda: 7.0 % 0)
show(lambda: 1e308 * 10)
show(lambda: -0.0 + 0)
show(lambda: 0 * -1.5)

# in-place forms
v = 1.5
v **= 2.0
v += 1
v *= 3
v /= 2
v -= 0.25
print(v)

# constant subscripts: lists, tuples, negatives, out of range, other types
b = [1.5, 2.5, 3.5]
t = (4, 5, 6)
print(b[0], b[2], b[-1], b[-3], t[1], t[-2])
show(lambda: b[3])
show(lambda: b[-4])
show(lambda: t[3])
show(lambda: {0: 'zero'}[0])
show(lambda: 'abc'[1])
show(lambda: b'abc'[2])
show(lambda: range(5)[4])

class L(list):
    def __getitem__(self, i):
        return ('L', i)

show(lambda: L([1, 2])[0])
show(lambda: None[0])
b[1] += 10
print(b)
