s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), [0, 1, 2, 3, 4, 5][s], slice(3))
print('abcdef'[slice(None, None, -1)], list(range(10))[-3:], list(range(10))[:-7:-2], 'abc'[10:], 'abc'[-10:1])
