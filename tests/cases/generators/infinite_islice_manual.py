def naturals():
    n = 0
    while True:
        yield n
        n += 1
out = []
for x in naturals():
    if x > 5:
        break
    out.append(x)
print(out)
g = naturals()
print([next(g) for _ in range(3)])
