import re
for p in ['(', 'a)', '*', 'a**', 'a{3,1}', '[a', '[z-a]', r'\q', '(?<x', '(?P<1>a)', '(?P=n)', r'(a)\2',
          '(?<=a+)b', 'ab\n(', '(?P<a>x)(?P<a>y)', 'a(?i)b', '(?z)', r'\x4', '(?#abc', '(?', '(?P', '[\\d-z]',
          r'\8', '(?(2)a|b)', '(?<=a|bc)', 'x{2}{3}', r'(?P<a-b>x)', '\\']:
    try:
        re.compile(p)
        print('ok', p)
    except re.error as e:
        print(repr(p), '->', e, '|', e.msg, e.pos)
