import re
P = re.compile('[-+]?(?:\\d+\\.\\d*|\\.\\d+|\\d+)(?:[eE][-+]?\\d+)?', re.M)
for s in ['x=3.14, y=-2e10, z=.5, w=+7, v=1.e3', '1,234.56', 'e5 5e']:
    print(repr(s))
    print(" findall", P.findall(s))
    print(" spans", [(m.span(), m.lastindex, m.lastgroup) for m in P.finditer(s)])
    print(" sub", repr(P.sub(lambda m: "<" + m.group(0) + ">", s)), P.subn("#", s)[1])
    print(" split", P.split(s))
    m = P.search(s)
    print(" search", m and (m.group(0), m.groups(), m.groupdict()))
PB = re.compile(b'[-+]?(?:\\d+\\.\\d*|\\.\\d+|\\d+)(?:[eE][-+]?\\d+)?', re.M)
for s in ['x=3.14, y=-2e10, z=.5, w=+7, v=1.e3', '1,234.56', 'e5 5e']:
    b = s.encode("utf-8")
    print(" bytes", PB.findall(b), PB.sub(b"_", b))
