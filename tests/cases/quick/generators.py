# generator functions compiled by the quick compiler
def count(n):
    for i in range(n):
        yield i
    yield from "ab"
    return "done"
print(list(count(3)))

def echo():
    got = []
    while True:
        x = yield len(got)
        if x is None:
            return got
        got.append(x)
g = echo()
print(next(g), g.send("a"), g.send("b"))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)

def pairs(d):
    for k, v in d.items():
        yield k, v
    label: str = yield
    print("label", label)
p = pairs({"x": 1})
print(next(p), next(p))
try:
    p.send("L")
except StopIteration:
    print("stopped")

def delegate():
    r = yield from count(2)
    print("inner returned", r)
    print((yield "last"))
print(list(delegate()))

def cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("closed")
c = cleanup()
print(next(c))
c.close()
print(sum(x * x for x in count(4)), type(count(1)).__name__)
