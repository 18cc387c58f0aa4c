# Generators: generator functions, generator expressions, yield from, send.
N = 400000  # quick: 40000


def naturals(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for v in it:
        if v % 2 == 0:
            yield v


def windows(it, size):
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)


def chained(n):
    yield from naturals(n // 2)
    yield from (v * 10 for v in naturals(n // 2))


def accumulator():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v


s1 = sum(v * v for v in evens(naturals(N)))
s2 = 0
for w in windows(naturals(N // 2), 3):
    s2 += w[0] * w[2] - w[1]
s3 = sum(chained(N))
acc = accumulator()
next(acc)
last = 0
for v in range(N // 2):
    last = acc.send(v & 15)
s4 = max(x for x in (y % 1237 for y in naturals(N)) if x % 3)
print(s1, s2, s3, last, s4)
