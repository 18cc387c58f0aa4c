print('abc'.replace('', '-'), 'aaa'.replace('a', 'b', 0), 'aaa'.replace('aa', 'x'))
