import re
print(re.findall(r'\d+', 'a1b22c333'))
print(re.findall(r'(\w)=(\d)', 'a=1, b=2, c=x'))
print(re.findall(r'(a)(b)?', 'abac'))
print(re.findall(r'(\w+)@', 'x@y z@w'))
print(re.findall(r'', 'abc'), re.findall(r'x*', 'axxb'))
print(re.compile(r'\w').findall('abcdef', 2, 4))
