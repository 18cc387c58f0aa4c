print(getattr('abc', 'upper')(), getattr(1, 'nope', 'default'), hasattr([], 'append'), hasattr(1, 'zzz'))
try:
    getattr(1, 'zzz')
except AttributeError as e:
    print(e)
