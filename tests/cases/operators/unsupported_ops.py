for f in [lambda: 1 + 'a', lambda: [1] - [1], lambda: -'a', lambda: {} + {}, lambda: 'a' * 'b', lambda: 2 ** 'x', lambda: ~1.5, lambda: 1 < 'a', lambda: [1] < 'a', lambda: None + 1]:
    try:
        f()
    except TypeError as e:
        print(e)
