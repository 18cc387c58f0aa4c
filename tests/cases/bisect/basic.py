import bisect
a = [1, 2, 2, 2, 5, 7, 9]
for x in [0, 1, 2, 3, 5, 9, 10]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left([], 3), bisect.bisect_right([], 3))
