import re
s = 'word ' * 50000
print(len(re.findall(r'\w+', s)), len(re.split(r'\s+', s)), len(re.sub(r'o', '0', s)))
print(re.search(r'(\w+\s)+end', s + 'end').span())
print(len(re.findall(r'(?:w|o|r|d)+', s)))
