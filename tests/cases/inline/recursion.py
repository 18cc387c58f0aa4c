# A comprehension counts as one frame, as 3.11's function did.
def r(n):
    return r(n - 1) + 1 if n else 0

def probe(n):
    try:
        r(n)
        return True
    except RecursionError:
        return False

def search():
    lo, hi = 0, 5000
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if probe(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo

a = search()
b = [search() for _ in range(1)][0]
c = {k: search() for k in range(1)}[0]
d = {search() for _ in range(1)}.pop()
e = [[search() for _ in range(1)] for _ in range(1)][0][0]
print(a - b, a - c, a - d, a - e)

def f(n):
    return [f(n - 1) for _ in range(1)] if n else 0

def fprobe(n):
    try:
        f(n)
        return True
    except RecursionError:
        return False

lo, hi = 0, 5000
while lo < hi:
    mid = (lo + hi + 1) // 2
    if fprobe(mid):
        lo = mid
    else:
        hi = mid - 1
g = [fprobe(lo) for _ in range(1)] + [fprobe(lo + 1)]
print(a - 2 * lo, g)
# after many errors the depth is back where it was
for i in range(50):
    try:
        [r(10 ** 6) for _ in range(1)]
    except RecursionError:
        pass
print(search() == a)
