import re
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

p = re.compile('a')
s = p.scanner('aaxa')
print(s.match(), s.match(), s.match(), s.search(), s.search())
s = p.scanner('xaxa')
print(s.search(), s.search(), s.search())
s = re.compile('a*').scanner('baa')
print(s.search(), s.search(), s.search(), s.search(), s.search())
s = re.compile('a').scanner('xaxa', 2)
print(s.search(), s.search())
s = re.compile('a').scanner('aaaa', 1, 3)
m = s.search()
print(m, m.pos, m.endpos, s.search(), s.search())
print(re.compile(b'x').scanner(b'x').pattern, type(p.scanner('')).__name__)
s = re.compile(r'(?P<tok>\d+|[a-z]+|\s+|.)').scanner('let x1 = 42;')
toks = []
while (m := s.match()) is not None:
    toks.append((m.lastgroup, m.group()))
print(toks)
t(lambda: p.scanner(5))
t(lambda: p.scanner(b'a'))
