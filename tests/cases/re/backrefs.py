import re
print(re.findall(r'(\w)\1', 'aabbcd eff'))
print(re.search(r'(\b\w+)\s+\1\b', 'the the cat').group())
print(re.match(r'(a)?b\1', 'b'))
print(re.match(r'(a)(?:x|\1)', 'aa').span())
print(re.sub(r'(\w+) \1', r'\1', 'hello hello world world'))
