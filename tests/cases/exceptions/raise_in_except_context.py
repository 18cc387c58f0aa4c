try:
    try:
        raise KeyError('a')
    except KeyError:
        raise ValueError('b')
except ValueError as e:
    print(type(e.__context__).__name__)
raise ValueError('final') from None
