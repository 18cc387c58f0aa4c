x = 10
r = [x for x in range(3)]
print(x, r)
def f():
    y = 5
    return [y + i for i in range(3)]
print(f())
print([[i * j for j in range(3)] for i in range(3)])
n = 3
print({k: [v for v in range(k)] for k in range(n)})
