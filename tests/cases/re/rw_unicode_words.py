import re
P = re.compile('\\b\\w+\\b', re.M)
for s in ['naïve café déjà vu', 'Grüße, 世界 123', 'ÀÉÎ_õü']:
    print(repr(s))
    print(" findall", P.findall(s))
    print(" spans", [(m.span(), m.lastindex, m.lastgroup) for m in P.finditer(s)])
    print(" sub", repr(P.sub(lambda m: "<" + m.group(0) + ">", s)), P.subn("#", s)[1])
    print(" split", P.split(s))
    m = P.search(s)
    print(" search", m and (m.group(0), m.groups(), m.groupdict()))
PB = re.compile(b'\\b\\w+\\b', re.M)
for s in ['naïve café déjà vu', 'Grüße, 世界 123', 'ÀÉÎ_õü']:
    b = s.encode("utf-8")
    print(" bytes", PB.findall(b), PB.sub(b"_", b))
