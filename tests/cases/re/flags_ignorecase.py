import re
print(re.findall(r'[a-z]+', 'Hello WORLD', re.I))
print(re.match('straße', 'STRASSE', re.I), re.match('ǅ', 'ǆ', re.I))
print(re.findall('é', 'éÉ', re.I), re.findall('é', 'éÉ', re.I | re.A))
print(re.findall(r'(?i)k', 'kK\u212a'), re.findall(r'(?i)[k]', 'kK\u212a'))
print(re.findall(r'(?i)s', 'sSſ'), re.findall(r'(?i)σ', 'σΣς'))
print(re.match(r'(?i)(a)\1', 'aA'), re.findall(r'(?i:a)b', 'ab Ab aB'))
