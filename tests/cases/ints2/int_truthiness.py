print([x for x in [0, 1, -1, 2**70, 0.0, -0.0] if x])
