# limits: --max-recursion=100000 --max-memory=268435456
# expect: ok|RecursionError
def leaf():
    yield 1
def wrap(g):
    yield from g
g = leaf()
for i in range(50000):
    g = wrap(g)
print(list(g))
