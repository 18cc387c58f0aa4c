a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
first, *rest = [1, 2, 3, 4]
*init, last = 'abc'
x, *mid, y = range(6)
[p, q] = 'pq'
print(c, d, e, first, rest, init, last, x, mid, y, p, q)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
try:
    a, b = [1, 2, 3]
except ValueError as err:
    print(err)
try:
    a, b, c = [1, 2]
except ValueError as err:
    print(err)
try:
    a, *b, c = [1]
except ValueError as err:
    print(err)
