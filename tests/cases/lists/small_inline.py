# Small lists made at their final size (displays) keep their items in the
# list object itself: growing, shrinking, clearing and sorting must move
# them correctly.
a = [1, 2, 3]
a.append(4)
a.extend(range(20))
print(a, len(a))
b = ['x', 'y', 'z', 'w', 'v', 'u', 't', 's']
while len(b) > 1:
    b.pop()
print(b)
b.append('again')
b.insert(0, 'first')
print(b)
c = [3, 1, 2]
c.clear()
c.append(9)
print(c)
d = [5, 4, 3, 2, 1]
d.sort()
print(d)
e = [3, 2, 1]
def key(v):
    e.append(v)
    return v
try:
    e.sort(key=key)
except ValueError as ex:
    print('ValueError', ex)
print(e)
f = [1, 2]
f *= 10
print(f)
g = [1, 2, 3, 4]
del g[1:3]
g[0:0] = [7, 8, 9, 10, 11, 12]
print(g)
h = [[i] for i in range(3)]
h[0] += [1, 2, 3, 4, 5, 6, 7, 8, 9]
print(h)
k = [None] * 5
k.remove(None)
print(k, [0, 1][:], list([1, 2, 3]), [*'ab', *'cd'])
