import re
print(re.match('abc', 'abcdef'))
print(re.search('d+', "it's dd"))
print(re.match('', 'x'))
print(repr(re.search('é+', 'aééb')))
print(re.match(r'\n', '\n'))
