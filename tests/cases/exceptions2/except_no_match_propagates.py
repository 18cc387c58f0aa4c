def f():
    try:
        raise TypeError('t')
    except ValueError:
        pass
try:
    f()
except TypeError as e:
    print('outer', e)
