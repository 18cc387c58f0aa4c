# limits: --max-memory=536870912
# expect: ok|RecursionError
z = [1]
for i in range(100000):
    z = filter(None, z)
print(list(z))
