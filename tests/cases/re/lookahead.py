import re
print(re.findall(r'\w+(?=!)', 'hi! there yes!'))
print(re.findall(r'\b\w+\b(?!\()', 'f(x) y z('))
print(re.match(r'(?=(\w+))\w', 'abc').groups())
print(re.findall(r'(?=(\w\w))', 'abcd'))
print(re.match(r'(?!a)\w+', 'abc'), re.match(r'(?!a)\w+', 'bcd').group())
print(re.sub(r'(?=(\d{3})+$)', ',', '1234567'))
