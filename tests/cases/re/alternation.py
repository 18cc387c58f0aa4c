import re
print(re.match(r'a|ab|abc', 'abc').group(), re.match(r'abc|ab|a', 'abc').group())
print(re.findall(r'cat|dog|bird', 'dog cat fish bird'))
print(re.match(r'(a|b)*c', 'ababc').groups())
print(re.match(r'|a', 'a').span(), re.match(r'x(?:|y)z', 'xz').span())
