print('a b c d'.split(' ', 2), 'a b c d'.rsplit(' ', 2), ''.split(), ''.split(','), '  '.split(' '))
