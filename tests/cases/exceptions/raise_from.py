try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError('bad value') from e
except ValueError as e:
    print(e, type(e.__cause__).__name__, e.__cause__)
try:
    try:
        {}['x']
    except KeyError:
        raise RuntimeError('during')
except RuntimeError as e:
    print(e, repr(e.__context__), e.__suppress_context__)
