print('a' == b'a', 'a' != 1, 'abc' < 'abcd', 'B' < 'a')
