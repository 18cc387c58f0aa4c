a = [1, 2, 3]
print(a.pop(-2), a)
