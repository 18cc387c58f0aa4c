def f():
    try:
        raise ValueError('inner')
    except ValueError:
        print('handling')
        raise
try:
    f()
except ValueError as e:
    print('outer', e)
