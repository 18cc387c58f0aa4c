import re
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

p = re.compile(rb'(\w+) (\d+)')
m = p.match(b'abc 123 tail')
print(p, m, m.group(0), m.groups(), m.group(1, 2), m[2], m.span(2), m.start(1), m.string)
print(re.findall(rb'\d+', b'a1b22c333'), re.split(rb'[,;]\s*', b'a, b;c'))
print(re.sub(rb'\s+', b' ', b'a  b\t\tc'), re.subn(rb'x', b'y', b'xax'))
print(re.search(rb'(?P<k>\w+)=(?P<v>\w+)', b'--a=1--').groupdict())
print(re.fullmatch(rb'[a-f0-9]+', b'deadbeef'), re.fullmatch(rb'[a-f0-9]+', b'xyz'))
print([m.group() for m in re.finditer(rb'.', b'ab')], re.escape(b'a.b*c'))
print(re.compile(b'a+', re.I), re.compile(b'a+', re.I).flags, re.compile(b'x').flags, re.compile('x').flags)
print(re.match(rb'(a)(b)?', b'a').groups(), re.match(rb'(a)(b)?', b'a').groups(b'-'))
print(re.compile(b'(?P<x>a)').groupindex, re.compile(rb'a').pattern)
