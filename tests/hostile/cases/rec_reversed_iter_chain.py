# limits: --max-memory=536870912
# expect: ok|RecursionError
z = [1, 2]
for i in range(100000):
    z = iter(z)
print(list(z))
