print(str([1, 'a', 2.0, None]), repr({'a': [1, (2,)]}), str({1, 2}), str((1, 'b')))
print([1.0, -0.0, 1e100, float('inf')], {'x': 'y"z'}, ["it's"])
