a = [1, 2]
a.append(a)
print(a)
d = {'k': 1}
d['self'] = d
print(d)
x = []
for i in range(2000):
    x = [x]
s = repr(x)
print(len(s), s[:10], s[-10:])
