def f(a, b, c, d):
    return a, b, c, d
print(f(*(1, 2), **{'d': 4, 'c': 3}), f(1, *[2], *[3], d=4))
