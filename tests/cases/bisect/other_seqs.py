import bisect
print(bisect.bisect((1, 3, 5), 4), bisect.bisect('acegi', 'd'), bisect.bisect_left(range(0, 100, 5), 37))
print(bisect.bisect_left([1.5, 2.5, 3.5], 2), bisect.bisect_right([True, True, 2], 1))
