import re
s = 'one\ntwo\nthree\n'
print(re.findall(r'^\w+$', s), re.findall(r'^\w+$', s, re.M))
print(re.findall(r'.+', 'a\nb'), re.findall(r'.+', 'a\nb', re.S))
print(re.search(r'a.b', 'a\nb', re.DOTALL).span())
print(re.findall(r'(?m)^x', 'x\nx\ny'), re.findall(r'(?s).', '\n'))
print(re.search(r'$', 'ab\n').span(), re.findall(r'$', 'ab\n'), re.findall(r'(?m)$', 'a\nb\n'))
print(re.search(r'\Z', 'ab\n').span(), re.search(r'\Aab', 'ab'))
