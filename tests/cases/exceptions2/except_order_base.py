try:
    raise KeyError('x')
except LookupError as e:
    print('lookup', repr(e))
except KeyError:
    print('never')
