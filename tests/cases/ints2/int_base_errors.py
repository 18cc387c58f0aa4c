for s, b in [('2', 2), ('g', 16), ('12', 37)]:
    try:
        print(int(s, b))
    except ValueError as e:
        print(e)
