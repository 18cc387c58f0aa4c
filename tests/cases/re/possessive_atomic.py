import re
print(re.match(r'a*+a', 'aaa'), re.match(r'a*a', 'aaa').span())
print(re.match(r'(?>a+)b', 'aaab').span(), re.match(r'(?>a|ab)c', 'abc'))
print(re.findall(r'\d++', '12 345'), re.match(r'a?+a', 'a'))
print(re.match(r'(?>(a+))\1', 'aaaa'))
