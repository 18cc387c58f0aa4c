import re
print(re.sub(r'a*', 'X', 'baac'))
print(re.findall(r'a*', 'baac'), re.split(r'a*', 'baac'))
print([m.span() for m in re.finditer(r'(?=a)|a', 'aa')])
print(re.subn(r'\b', '|', 'hi there'))
