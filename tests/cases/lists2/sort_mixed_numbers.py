print(sorted([3, 1.5, True, -2, 2**70, 0.0]))
