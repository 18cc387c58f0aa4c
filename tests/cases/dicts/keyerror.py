d = {'a': 1}
try:
    d['b']
except KeyError as e:
    print('KeyError', e, repr(e))
d[(1, 2)]
