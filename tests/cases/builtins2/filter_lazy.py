def p(x):
    print('test', x)
    return x % 2
f = filter(p, range(4))
print('made')
print(next(f))
