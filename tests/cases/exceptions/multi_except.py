for v in ['x', None, [1]]:
    try:
        if v is None:
            raise KeyError('k')
        int(v)
    except (ValueError, KeyError) as e:
        print('caught', type(e).__name__, e)
    except TypeError as e:
        print('type', e)
