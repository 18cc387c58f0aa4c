d = {1: 'a', 2: 'b', 3: 'c'}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
d[4] = 'd'
print(len(k), 4 in k, (4, 'd') in i, list(reversed(d)), k & {1, 5}, k | {9}, k - {1}, k ^ {1, 7})
