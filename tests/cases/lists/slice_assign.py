a = list(range(10))
a[2:5] = ['x', 'y']
print(a)
a[::3] = [0, 0, 0]
print(a)
del a[1:3]
print(a)
del a[::2]
print(a)
a[1:1] = [7, 7, 7]
print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print(e)
