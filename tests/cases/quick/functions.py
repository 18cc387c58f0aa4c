# Module-level functions: parameters of every kind, defaults, docstrings, returns.
def area(w, h=2, *rest, scale=1, unit='m', **extra):
    "Area with options."
    total = w * h * scale
    for r in rest:
        total += r
    return f'{total}{unit}', sorted(extra)

print(area(3), area(3, 4, 5, 6, scale=2, unit='cm', note=1, a=2), area.__doc__)

def find(items, target):
    for i, x in enumerate(items):
        while x:
            if x == target:
                return i
            break
    return -1

print(find([0, 3, 5], 5), find([], 1), find([1, 2], 9))

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print([fib(i) for i in range(10)])

def parse(text, sep=',', *, strip=True):
    import json
    parts = text.split(sep)
    if strip:
        parts = [p.strip() for p in parts]
    return json.dumps(parts)

print(parse(' a, b ,c'), parse('x;y', ';', strip=False))

def counter():
    n = 0
    n += 1
    return n, -1, (1, 2), 'lit'

print(counter(), area.__defaults__, area.__kwdefaults__, fib.__name__)

def early(x):
    if x:
        return
    return 'late'

def nothing():
    pass

print(early(1), early(0), nothing())
try_global = 5
def uses_global():
    return try_global * 2
print(uses_global())

def scaled(items, factor, *, offset=0):
    base = offset * 2
    grid = [[i * factor + base for i in row] for row in items]
    flat = {v for row in grid for v in row if v > factor}
    return grid, sorted(flat), sum(x - factor for x in flat), {k: factor for k in 'ab'}

print(scaled([[1, 2], [3]], 10, offset=1))
