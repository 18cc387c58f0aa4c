import re
for m in re.finditer(r'(\w+)=(\w*)', 'a=1 b= c=33'):
    print(m.span(), m.groups(), repr(m))
it = re.finditer('a', 'aXa')
print(type(it).__name__, next(it).start(), next(it).start())
print([m.span() for m in re.finditer(r'\b', 'ab cd')])
print([m.group() for m in re.compile('.').finditer('abcdef', 1, 4)])
