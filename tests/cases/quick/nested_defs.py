# defs inside a module-level def, reading its locals (cells), compiled by the quick compiler
def process(data, sep="-"):
    def clean(x):
        return x.strip().lower()
    def join(parts):
        return sep.join(parts)
    return join([clean(d) for d in data])
print(process([" A ", "b "]))

def make(n):
    def fact(k):
        return 1 if k < 2 else k * fact(k - 1)
    def add(x, y=n) -> int:
        "adds"
        return x + y + offset
    offset = 100
    return fact(n), add(1), add.__doc__, add.__qualname__, fact.__name__

print(make(5))

def gen_in(n):
    def counter():
        for i in range(n):
            yield i * scale
    scale = 2
    return list(counter())
print(gen_in(3))

def late_binding():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return [g() for g in fs]
print(late_binding())

def unbound():
    def peek():
        return v
    try:
        peek()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
    return peek()
print(unbound())

def shadow(n):
    def inner():
        n = "own"
        return n
    return inner(), n
print(shadow(7))
