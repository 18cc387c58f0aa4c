print('hello'.startswith('ell', 1), 'hello'.endswith('ll', 0, 4), 'hello'.startswith(('x', 'h')))
