a = [1]
b = a
print(a is b, a is not [1], None is None, 1 in [1, 2], 'x' in 'xyz', 3 in {3: 4}, 3 in {3}, (1, 2) in [(1, 2)])
