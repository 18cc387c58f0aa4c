it = iter([1, 2, 3, 0, 4])
print(list(iter(lambda: next(it), 0)))
