d = {1: 'int'}
d[1.0] = 'float'
d[True] = 'bool'
print(d, {0.0: 1, -0.0: 2}, hash(2.0) == hash(2))
