# lambdas directly in a def close over its locals (cells)
def by_field(rows, field):
    return sorted(rows, key=lambda r: r[field])
print(by_field([{"a": 2}, {"a": 1}], "a"))

def late():
    g = lambda: m
    m = 1
    first = g()
    m = 2
    return first, g()
print(late())

def counter(start, step=1):
    total = start
    bump = lambda k=step: total + k
    total = bump()
    return total, bump(10), [bump() for _ in range(2)]
print(counter(5))

def params_as_cells(a, b=2, *rest, key=None, **kw):
    return lambda x=a: (x, a, b, rest, key, sorted(kw))
print(params_as_cells(1, 3, 4, key="k", z=0)())
