def gen(n):
    for i in range(n):
        x = yield i
        if x: print("got", x)
    return "done"
g = gen(3)
print(next(g), g.send("hi"), next(g))
try: next(g)
except StopIteration as e: print("stop", e.value, repr(e), e.args)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 10)))
def chunks(xs, n):
    for i in range(0, len(xs), n):
        yield xs[i:i + n]
print(list(chunks(list(range(7)), 3)))
def flatten(x):
    for i in x:
        if isinstance(i, list): yield from flatten(i)
        else: yield i
print(list(flatten([1, [2, [3, [4]], 5]])))
g = (x * x for x in range(5))
print(g.__class__.__name__, sum(g), sum(g), list(g))
def counter():
    count = 0
    def inc(by=1):
        nonlocal count
        count += by
        return count
    return inc
c = counter(); c(); c(5); print(c())
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
def deco(fn):
    def wrapper(*a, **k):
        print("calling", fn.__name__, a, k)
        return fn(*a, **k)
    return wrapper
@deco
def add(x, y=2): return x + y
print(add(1), add(1, y=5), add.__name__)
import functools
def deco2(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k): return fn(*a, **k)
    return wrapper
@deco2
def mul(x, y):
    "doc here"
    return x * y
print(mul(3, 4), mul.__name__, mul.__doc__)
def memo(fn):
    cache = {}
    def w(n):
        if n not in cache: cache[n] = fn(n)
        return cache[n]
    return w
@memo
def fibr(n): return n if n < 2 else fibr(n-1) + fibr(n-2)
print(fibr(80))
@functools.lru_cache(maxsize=None)
def f2(n): return n if n < 2 else f2(n-1) + f2(n-2)
print(f2(100), f2.cache_info())
def gen2():
    try:
        yield 1
        yield 2
    finally:
        print("closing")
g = gen2(); print(next(g)); g.close(); print("after close")
print("end")
def g3():
    yield 1
g = g3()
print(list(g), list(g))
def g4():
    x = yield
    while True:
        x = yield x * 2
g = g4(); next(g); print(g.send(3), g.send(10))
try: g.throw(ValueError("inj"))
except ValueError as e: print("thrown", e)
print(list(zip(range(3), gen(5))))
print(dict.fromkeys("abc", 0), list(map(str.upper, ["a", "b"])), list(enumerate("ab")))
