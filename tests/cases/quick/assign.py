# Programs the quick compiler (sp_qc.c) takes: assignments and targets.
a = b = c = 1
x, y = 2, 3
(p, q), r = (4, 5), 6
[m, n] = [7, 8]
(s) = 9
t, = [10]
u, v, = 11, 12
print(a, b, c, x, y, p, q, r, m, n, s, t, u, v)
d = {}
d['k'] = 1
d['k'] += 41
lst = [0, 1, 2, 3, 4, 5]
lst[1:3] = ['a', 'b', 'c']
lst[::2] = [9, 9, 9, 9]
lst[0] -= 1
lst[-1] *= 10
print(d, lst)
import json as o
o.attr = [1]
o.attr += [2]
o.attr[0] = 5
o.n = 0
o.n += 1
print(o.attr, o.n)
g = h = [1, 2]
g[0], h[1] = h[1], g[0]
print(g, h)
k = 5; k //= 2; k **= 3; k %= 7; k <<= 2; k >>= 1; k |= 1; k &= 7; k ^= 2
print(k)
z = 1,
w = ()
print(z, w, type(w))
