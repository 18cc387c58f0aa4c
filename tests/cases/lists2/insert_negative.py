a = [1, 2, 3]
a.insert(-100, 0)
a.insert(-1, 9)
print(a)
