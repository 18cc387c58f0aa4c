t = (1, 2, 1, 3)
print(t.count(1), t.index(3))
try:
    t.index(9)
except ValueError as e:
    print(e)
