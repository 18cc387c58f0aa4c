a = {'l': [1]}
b = a.copy()
b['l'].append(2)
b['n'] = 1
print(a, b)
