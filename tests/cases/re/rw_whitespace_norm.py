import re
P = re.compile('[ \\t]+$|^[ \\t]+|[ \\t]{2,}', re.M)
for s in ['  lead', 'trail   ', 'mid    space\there', '\t\tx  y\t']:
    print(repr(s))
    print(" findall", P.findall(s))
    print(" spans", [(m.span(), m.lastindex, m.lastgroup) for m in P.finditer(s)])
    print(" sub", repr(P.sub(lambda m: "<" + m.group(0) + ">", s)), P.subn("#", s)[1])
    print(" split", P.split(s))
    m = P.search(s)
    print(" search", m and (m.group(0), m.groups(), m.groupdict()))
PB = re.compile(b'[ \\t]+$|^[ \\t]+|[ \\t]{2,}', re.M)
for s in ['  lead', 'trail   ', 'mid    space\there', '\t\tx  y\t']:
    b = s.encode("utf-8")
    print(" bytes", PB.findall(b), PB.sub(b"_", b))
