print('ab'.center(7, '*'), 'ab'.ljust(5) + '|', 'ab'.rjust(5, '0'), '-42'.zfill(6), '42'.zfill(1))
print('a=b=c'.partition('='), 'a=b=c'.rpartition('='), 'abc'.partition('x'))
print('a\tb\tc'.expandtabs(4), 'prefix_x'.removeprefix('prefix_'), 'x.py'.removesuffix('.py'))
