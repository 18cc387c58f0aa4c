print(repr('a'.center(4)), repr('ab'.center(5)), repr('abc'.center(2)), repr(''.center(3, '-')))
