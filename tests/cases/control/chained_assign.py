a = b = c = [1]
a.append(2)
print(a, b, c, a is c)
x, y = z = 1, 2
print(x, y, z)
