a = [1, 2]
a.extend(a)
a += a
print(a)
