def gen(n):
    for i in range(n):
        yield i * i
g = gen(4)
print(next(g), next(g), list(g))
try:
    next(g)
except StopIteration:
    print('stop')
print(sum(gen(10)), list(x for x in gen(5) if x % 2))
