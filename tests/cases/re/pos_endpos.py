import re
p = re.compile(r'\w+')
print(p.search('hello world', 6), p.search('hello world', 0, 3), p.match('hello', 10))
print(p.search('hello', -5), p.search('hello', 3, 1), p.findall('a b c d', 2, 5))
print(re.compile('^a').search('ba', 1), re.compile('a$').search('ab', 0, 1))
m = p.search('abc def', 4, 100)
print(m.pos, m.endpos, m.span())
