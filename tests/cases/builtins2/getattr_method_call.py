print(getattr([3, 1], 'index')(1), getattr({'a': 1}, 'get')('a'))
