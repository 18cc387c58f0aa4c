import re
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

small = 'a' * 3000
print(re.search(r'(.*)x', small), re.search(r'(.*?)x', small), re.search(r'[^,]*,', small))
big = 'a' * 300000
print(re.match(r'(a*)(a*)', big).span(2), re.match(r'a*?$', big).end(), re.fullmatch(r'(?:a|b)*', big) is not None)
line = 'key_%d=value %d, '
s = ''.join(line % (i, i) for i in range(20000))
print(len(re.findall(r'\w+', s)), len(re.findall(r'(\w+)=(\w+)', s)), re.findall(r'key_\d+', s)[-1])
print(len(re.sub(r',\s*', ';', s)), re.search(r'key_19999=(\w+ \d+)', s).group(1))
print(len(re.split(r'\s+', s)), re.search(r'(\d+), $', s).group(1))
