import bisect
a = []
for x in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort(a, x)
print(a)
b = [1, 2, 3]
bisect.insort_left(b, 2); bisect.insort_right(b, 2.0); bisect.insort(b, 0, 0, 0); print(b)
c = [(1, 'a'), (1, 'b')]
bisect.insort_left(c, (1, 'ab')); print(c)
