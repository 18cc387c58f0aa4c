import re
print(re.sub(r'\s+', ' ', '  hello    world  '))
print(re.sub('x*', '-', 'abxd'))
print(re.sub('a', 'b', 'aaaa', count=2), re.sub('a', 'b', 'aaaa', 0))
print(re.subn(r'\d', '#', 'a1b2c3'))
print(re.sub(r'(\w+)@(\w+)\.com', r'\2 at \1', 'joe@example.com, ann@test.com'))
print(re.sub('', '-', 'abc'))
