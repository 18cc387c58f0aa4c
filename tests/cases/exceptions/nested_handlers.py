try:
    try:
        raise TypeError('t')
    except ValueError:
        print('no')
    finally:
        print('inner finally')
except TypeError as e:
    print('outer caught', e)
