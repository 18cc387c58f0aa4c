import re
print(re.findall(r'\w+', 'héllo wörld'), re.findall(r'\w+', 'héllo wörld', re.A))
print(re.findall(r'\d', '1٣'), re.findall(r'\d', '1٣', re.ASCII))
print(re.findall(r'\s', ' \x1c\u2003'), re.findall(r'(?a)\s', ' \x1c\u2003'))
print(re.findall(r'\bé', 'é xé'), re.findall(r'(?a)\b\w', 'é xé'))
