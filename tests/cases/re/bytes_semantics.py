import re
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(re.findall(rb'\w+', b'caf\xe9 ok_1'), re.findall(r'\w+', 'caf\xe9 ok_1'))
print(re.match(b'\xe9', b'\xc9', re.I), re.match('\xe9', '\xc9', re.I))
print(re.findall(rb'(?i)[a-z]+', b'ABC def'), re.findall(rb'\s', b'a\x1cb \x85c'), re.findall(r'\s', 'a\x1cb c'))
print(re.findall(rb'\d', b'1\xb22'), re.findall(rb'[\x80-\xff]+', b'ab\x80\x81cd\xff'))
print(re.sub(rb'(\d)', rb'<\1\g<1>\n\x41>', b'a1b2'))
print(re.sub(rb'(?P<n>\d+)', rb'[\g<n>]', b'x10y200'), re.sub(rb'a', rb'\\', b'aba'))
print(re.sub(rb'\b', b'|', b'ab cd'), re.split(rb'\b', b'ab cd'))
print(re.match(rb'.', b'\n'), re.match(rb'.', b'\n', re.S), re.search(rb'^b', b'a\nb', re.M))
print(re.compile(rb'(?x) a  b # comment').match(b'ab'))
data = bytes(range(256))
print(len(re.findall(rb'[^\x00-\x1f]', data)), re.search(rb'\xff$', data).span())
