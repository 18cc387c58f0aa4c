import re
html = '<b>bold</b> and <i>it</i>'
print(re.findall(r'<.*>', html), re.findall(r'<.*?>', html))
print(re.match(r'(a+?)(a*)', 'aaa').groups(), re.match(r'(a*?)b', 'aab').groups())
print(re.search(r'".*?"', 'say "hi" and "bye"').group())
