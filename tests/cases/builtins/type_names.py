for v in [1, 1.5, 'a', b'a', [], (), {}, set(), frozenset(), None, True, range(1), len, 2**100]:
    print(type(v).__name__, type(v))
