# limits: --max-memory=536870912
# expect: ok|RecursionError
m = [1]
for i in range(100000):
    m = map(abs, m)
print(list(m))
