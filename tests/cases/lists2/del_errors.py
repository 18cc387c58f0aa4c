a = [1]
try:
    del a[5]
except IndexError as e:
    print(e)
