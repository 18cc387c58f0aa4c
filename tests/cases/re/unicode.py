import re
s = 'naïve café — Ünïcödé 日本語 123'
print(re.findall(r'\w+', s))
print([m.span() for m in re.finditer(r'\w+', s)])
print(re.sub(r'[éï]', '_', s))
print(re.split(r'\s+', s), re.search('日本', s).span())
print(re.findall(r'.', 'a😀b'), re.match(r'..', '😀😀').span())
