# names from enclosing functions inside lambdas and comprehensions
def f(n):
    return lambda xs: [x + n for x in xs]
print(f(1)([1, 2]))

def g(n):
    h = lambda xs: [x * m for x in xs]
    m = n + 1
    return h
print(g(2)([1, 2]))

def k(items):
    return [lambda: [y + x for y in items] for x in items]
print([fn() for fn in k([1, 2])])

def nested(n):
    return lambda a: lambda b: [a + b + c + n for c in range(2)]
print(nested(10)(1)(2))

