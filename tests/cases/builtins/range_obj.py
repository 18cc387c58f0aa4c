r = range(1, 20, 3)
print(r, len(r), r[2], r[-1], r[1:3], 7 in r, 8 in r, r.index(7), r.count(4), list(r), range(0), range(5) == range(0, 5))
print(list(range(10, 0, -3)), range(3)[::-1], reversed(range(3)).__class__.__name__)
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
