vals = [1, 2]
print([v = 1 for v in vals])
