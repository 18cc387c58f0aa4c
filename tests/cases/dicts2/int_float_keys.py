d = {1: 'a', 2.0: 'b'}
print(d[1.0], d[2], 1.0 in d, d)
