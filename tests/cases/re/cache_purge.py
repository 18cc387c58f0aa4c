import re
p1 = re.compile('abc')
p2 = re.compile('abc')
print(p1 == p2, re.purge(), re.match('abc', 'abc').span())
for i in range(600):
    re.match('x%d' % i, 'x%d' % i)
print(re.search('x599', 'x599').span())
