import re
p = re.compile(r'(?P<key>\w+)=(?P<val>\d+)(x)?')
print(p.pattern, p.groups, p.groupindex)
print(p)
print(re.compile('a', re.I | re.M), re.compile('a', re.A), re.compile('a', re.S | re.X))
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('b'))
print(p.search('foo k=12 x').groupdict())
print(re.compile(p) is p)
