print('+5'.zfill(4), '-'.zfill(3), 'abc'.zfill(5), ''.zfill(2))
