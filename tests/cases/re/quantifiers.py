import re
s = 'aaaa'
for p in ['a*', 'a+', 'a?', 'a{2}', 'a{1,3}', 'a{2,}', 'a{,2}', 'a*?', 'a+?', 'a??', 'a{1,3}?', 'a{2,}?']:
    print(p, re.match(p, s).span())
print(re.match('a{3,2}' if False else 'a{', 'a{').group(), re.match('a{,}', 'aaa').span())
print(re.match('x{1,2', 'x{1,2').group(), re.match('{}', '{}').group())
