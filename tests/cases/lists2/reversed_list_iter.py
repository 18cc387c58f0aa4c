a = [1, 2, 3]
r = reversed(a)
print(next(r), list(r), list(reversed([])))
