# limits: --max-memory=536870912
# expect: ok|RecursionError
g = iter([1])
for i in range(100000):
    g = (x for x in g)
print(list(g))
