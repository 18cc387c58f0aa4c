import re
m = re.match(r'(?P<first>\w+)\s(?P<last>\w+)(?P<opt>!)?', 'Jane Doe')
print(m.groupdict(), m.group('first'), m.lastgroup)
print(re.match(r'(?P<w>\w)(?P=w)', 'aa'), re.match(r'(?P<w>\w)(?P=w)', 'ab'))
print(re.compile(r'(?P<a>x)(?P<b>y)').groupindex)
