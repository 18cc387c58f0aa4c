def outer():
    scale = 10
    def inner(n, scale):
        return n * scale
    return inner(2, 3)
print(outer())
def outer2():
    scale = 10
    def inner(n):
        return n * scale
    scale = 11
    return inner(2)
print(outer2())
