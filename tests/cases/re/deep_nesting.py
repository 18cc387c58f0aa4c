import re
p = '(?:' * 50 + 'a' + ')' * 50
print(re.match(p, 'a').span())
p = '(' * 90 + 'a' + ')' * 90
print(re.compile(p).groups)
try:
    re.compile('(' * 10000 + ')' * 10000)
    print('compiled')
except RecursionError:
    print('RecursionError')
