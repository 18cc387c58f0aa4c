def counter():
    c = 0
    def inc(step=1):
        nonlocal c
        c += step
        return c
    return inc
a, b = counter(), counter()
print(a(), a(), a(5), b())
