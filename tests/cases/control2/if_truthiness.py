for v in [0, '', [], {}, None, 0.0, 'a', [0], -1]:
    print(repr(v), 'T' if v else 'F')
