for v in [5, None, 2.5]:
    try:
        len(v)
    except TypeError as e:
        print(e)
