import re
P = re.compile('\\(?(\\d{3})\\)?[-. ]?(\\d{3})[-. ]?(\\d{4})', re.M)
for s in ['call (555) 123-4567 or 555.987.6543', '5551234567', '12-34']:
    print(repr(s))
    print(" findall", P.findall(s))
    print(" spans", [(m.span(), m.lastindex, m.lastgroup) for m in P.finditer(s)])
    print(" sub", repr(P.sub(lambda m: "<" + m.group(0) + ">", s)), P.subn("#", s)[1])
    print(" split", P.split(s))
    m = P.search(s)
    print(" search", m and (m.group(0), m.groups(), m.groupdict()))
PB = re.compile(b'\\(?(\\d{3})\\)?[-. ]?(\\d{3})[-. ]?(\\d{4})', re.M)
for s in ['call (555) 123-4567 or 555.987.6543', '5551234567', '12-34']:
    b = s.encode("utf-8")
    print(" bytes", PB.findall(b), PB.sub(b"_", b))
