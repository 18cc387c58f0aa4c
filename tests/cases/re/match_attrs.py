import re
m = re.compile(r'(a)(b)?(?P<c>c)').search('xxacz', 1, 5)
print(m.pos, m.endpos, m.string, m.re.pattern, m.lastindex, m.lastgroup)
print(m.regs, m.groups(), m.groups('-'), m.groupdict(), m.groupdict(0))
print(m.start(), m.end(), m.span(2), m.start('c'), m.group(0, 'c', 3))
print(m[0], m[1], m[2], m['c'], bool(m))
print(m.expand(r'<\1|\g<c>|\2>'))
