a = [1, 2, 3]
a[-1] = 9
a[-3] = 7
print(a)
try:
    a[3] = 0
except IndexError as e:
    print(e)
