try:
    {[1]: 2}
except TypeError as e:
    print(e)
d = {}
d[{}] = 1
