d = {i: i * i for i in range(100000)}
print(len(d), d[99999], sum(d.values()) % 1000007)
for i in range(0, 100000, 2):
    del d[i]
print(len(d), list(d)[:5])
