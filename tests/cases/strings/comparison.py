print('a' < 'b', 'abc' < 'abd', 'Z' < 'a', 'é' > 'z', '' < 'a', 'abc' == 'abc', sorted(['b', 'A', 'a', 'é', 'B']))
