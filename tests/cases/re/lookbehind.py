import re
print(re.findall(r'(?<=\$)\d+', 'cost $42, tax $7'))
print(re.findall(r'(?<!\$)\b\d+', 'cost $42, qty 7'))
print(re.search(r'(?<=abc)def', 'abcdef').span())
print(re.compile(r'(?<=a)b').search('ab', 1), re.compile(r'(?<=a)b').match('ab', 1))
print(re.findall(r'(?<=(a|b))c', 'acbc'), re.findall(r'(?<=\n)\w', 'x\ny\nz'))
