def g():
    yield 1
x = g()
try:
    x.throw(KeyError('k'))
except KeyError as e:
    print('KeyError', e)
