import re
print(re.findall(r'[aeiou]', 'education'), re.findall(r'[^aeiou\s]', 'hi you'))
print(re.findall(r'[a-cx-z]', 'abcdwxyz'), re.findall(r'[\d.]+', 'v1.2.3 and 45'))
print(re.findall(r'[]a]', 'a]b'), re.findall(r'[a-]', 'a-b'), re.findall(r'[-a]', '-a'))
print(re.findall(r'[\w-]+', 'foo-bar baz_1'), re.findall(r'[^\W\d]+', 'ab12cd'))
print(re.findall(r'[\x41-\x43]', 'ABCD'), re.findall(r'[\u00e0-\u00ff]+', 'café naïve'))
print(re.findall(r'[\]\\]', 'a]\\'), re.findall(r'[.*+]', 'a.b*c+'))
