# Closures, higher-order functions, map/filter/lambda, nonlocal state, decorators.
N = 120000  # quick: 12000


def make_counter():
    count = 0

    def bump(k):
        nonlocal count
        count += k
        return count
    return bump


def compose(f, g):
    return lambda x: f(g(x))


CALLS = [0]


def logged(fn):
    def wrapper(*args):
        CALLS[0] += 1
        return fn(*args)
    return wrapper


def scale(x, factor=3):
    return x * factor


# Applied by hand: Monty 0.0.18 silently ignores decorators.
scale = logged(scale)


def adders(n):
    return [lambda v, k=k: v + k for k in range(n)]


counter = make_counter()
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
fs = adders(10)
total = 0
for i in range(N):
    total += counter(i & 7)
    total += inc_then_double(i) + fs[i % 10](i)
    total += scale(i)
evens = list(filter(lambda v: v % 2 == 0, map(lambda v: v * 3 + 1, range(N))))
pairs = list(map(lambda a, b: a * b, range(N), range(N, 0, -1)))
keep = list(filter(None, [v % 5 for v in pairs]))
chain = [compose(f, g) for f in fs[:5] for g in fs[5:]]
acc = 0
for v in range(N // 10):
    for c in chain:
        acc += c(v)
print(total, len(evens), sum(evens) % 1000003, sum(keep), acc, CALLS[0])
