for v in [1.0, 0.1, 100.0, 1e16, 1.5e-5, 123456789.0, 0.000123456, 1e100]:
    print(format(v, ''), format(v, 'g'), format(v, '.3'), format(v, '.12g'), format(v, 'G'), str(v))
