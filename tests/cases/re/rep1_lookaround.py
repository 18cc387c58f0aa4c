import re
tests = [(r'(?<=\d{3})x', 'a123x 12x'), (r'(?=\w+@)\w+', 'user@host'), (r'(?!a*b)a+', 'aab aaa'),
         (r'(?>a*)b', 'aaab aaa'), (r'a*+b', 'aab'), (r'(?:x\s*)+$', 'x x  x   '), (r'\s*,\s*', 'a , b,c ,d'),
         (r'(?<![\w.])\d+(?:\.\d+)?(?![\w.])', '1 2.5 a3 4.5.6 7x .8'), (r'^\s*$', ' \n\t\n x\n'),
         (r'(?m)^[ \t]*#.*\n?', '# c\ncode  # not\n  # indented\n'), (r'[^"]*"', 'ab"cd"'), (r'.*?(?=;)', 'a;b;')]
for p, s in tests:
    print(p, [m.span() for m in re.finditer(p, s)], re.sub(p, '|', s), re.split(p, s))
    pb = p.encode()
    print(' b', [m.span() for m in re.finditer(pb, s.encode())])
