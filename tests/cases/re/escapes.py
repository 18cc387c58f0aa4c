import re
print(re.match(r'\x41\u0042\U00000043\101\0', 'ABCA\x00'))
print(re.findall(r'\t|\n', 'a\tb\nc'), re.match(r'\\', '\\').group())
print(re.findall(r'\D+', 'ab12cd'), re.findall(r'\S+', ' a bc '), re.findall(r'\W', 'a-b c'))
print(re.search(r'\Bb', 'ab b').span(), re.findall(r'\bw\w*', 'we want words'))
print(re.match(r'\.\*\+\?', '.*+?').group(), re.match(r'\a\f\v', '\a\f\v') is not None)
