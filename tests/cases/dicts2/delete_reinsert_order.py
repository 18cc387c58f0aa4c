d = dict.fromkeys('abcde')
del d['b']
d['b'] = 1
del d['a']
d['a'] = 2
print(list(d))
