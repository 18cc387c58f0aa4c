import re
m = re.match(r'(\w+) (\w+)', 'Isaac Newton, physicist')
print(m.group(0), m.group(1), m.group(2), m.group(1, 2))
print(m.groups(), m.span(), m.start(2), m.end(2), m.span(1))
print(re.match('b', 'abc'), re.match('', 'abc'))
print(re.match('a', 'abc'))
