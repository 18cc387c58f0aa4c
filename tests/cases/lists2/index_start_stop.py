a = [1, 2, 3, 2, 1]
print(a.index(2, 2), a.index(1, 1), a.count(2))
try:
    a.index(3, 3)
except ValueError as e:
    print(e)
