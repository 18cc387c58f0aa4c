import bisect
a = [1, 3, 5, 7, 9, 11]
print(bisect.bisect_left(a, 6, 2), bisect.bisect_left(a, 6, 0, 2), bisect.bisect_right(a, 7, 4, 6))
print(bisect.bisect(a, 100, hi=3), bisect.bisect(a, 0, lo=2), bisect.bisect(a, 5, 0, None))
print(bisect.bisect_left(a, 5, lo=10), bisect.bisect_right(a, 5, 3, 1))
