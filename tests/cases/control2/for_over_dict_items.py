for k, v in {'a': 1, 'b': 2}.items():
    print(k, v)
