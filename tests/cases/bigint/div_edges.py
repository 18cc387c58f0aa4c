# Division edge cases: digits 0, 1, 2^31, 2^32-1 and friends (qhat corrections),
# and Hacker's Delight vectors that need algorithm D's add-back step.
DIG = [0, 1, 2, 0x7FFFFFFF, 0x80000000, 0x80000001, 0xFFFFFFFE, 0xFFFFFFFF]
state = 12345


def nxt(k):
    global state
    state = (state * 1103515245 + 12345) % (1 << 31)
    return (state >> 8) % k


def num(n):
    v = 0
    for _ in range(n):
        v = (v << 32) | DIG[nxt(len(DIG))]
    return v


M = (1 << 61) - 1
h = 0
bad = 0
for i in range(6000):
    a = num(nxt(12) + 1)
    b = num(nxt(6) + 1)
    if b == 0:
        continue
    q, r = divmod(a, b)
    h = (h * 1000003 + q * 3 + r) % M
    if q * b + r != a or not 0 <= r < b:
        bad += 1
print(h, bad)


def words(*ds):  # little-endian 32-bit digits
    v = 0
    for d in reversed(ds):
        v = (v << 32) | d
    return v


# Hacker's Delight divmnu tests: cases that need the add-back step
for u, v in [((0, 0, 0x80000000, 0x7FFFFFFF), (1, 0, 0x80000000)),
             ((3, 0, 0x80000000), (1, 0, 0x20000000)),
             ((0, 0, 0x80000000, 0x7FFFFFFF), (1, 0, 0x80000000)),
             ((0, 0xFFFFFFFE, 0, 0x80000000), (0xFFFFFFFF, 0x80000000)),
             ((0, 0xFFFFFFFE, 0, 0x80000000), (0xFFFFFFFF, 0, 0x80000000)),
             ((0, 0, 0x8000, 0x7FFF), (1, 0, 0x8000))]:
    a, b = words(*u), words(*v)
    for sa, sb in [(1, 1), (-1, 1), (1, -1), (-1, -1)]:
        for sh in (0, 1, 7, 31, 32, 33):
            print(divmod(sa * (a << sh), sb * b), divmod(sa * a, sb * (b << sh)))
