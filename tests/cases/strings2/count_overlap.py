print('aaaa'.count('aa'), 'abc'.count(''), 'abcabc'.count('bc', 2), 'abc'.find('', 10), 'abc'.rfind(''))
