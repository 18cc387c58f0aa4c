def f():
    try:
        try:
            raise ValueError('a')
        finally:
            print('f1')
    except ValueError:
        print('caught')
    finally:
        print('f2')
f()
