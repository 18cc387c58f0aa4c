t = str.maketrans('abc', 'xyz')
print('aabbcc'.translate(t), 'hello'.translate({ord('l'): None}), 'abc'.translate(str.maketrans({'a': 'AA'})))
