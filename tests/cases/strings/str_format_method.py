print('{} {}'.format(1, 2), '{1} {0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2), '{0[1]} {0[a]}'.format({1: 'one', 'a': 'A'}))
print('{:>8}|{:<8}|{:^8}|'.format('r', 'l', 'c'), '{:08.3f}'.format(3.14159), '{!r}'.format('s'), '{{}}'.format())
print('{:,}'.format(1234567), '{:_b}'.format(255), '{0:{1}}'.format(3.5, '>6'), '{:%}'.format(0.25))
print('{a}'.format_map({'a': 5}))
