import re
P = re.compile(':(\\w+)|\\?|%\\((\\w+)\\)s', re.M)
for s in ['SELECT * FROM t WHERE a=:a AND b=? OR c=%(cc)s', "x=':notparam'"]:
    print(repr(s))
    print(" findall", P.findall(s))
    print(" spans", [(m.span(), m.lastindex, m.lastgroup) for m in P.finditer(s)])
    print(" sub", repr(P.sub(lambda m: "<" + m.group(0) + ">", s)), P.subn("#", s)[1])
    print(" split", P.split(s))
    m = P.search(s)
    print(" search", m and (m.group(0), m.groups(), m.groupdict()))
PB = re.compile(b':(\\w+)|\\?|%\\((\\w+)\\)s', re.M)
for s in ['SELECT * FROM t WHERE a=:a AND b=? OR c=%(cc)s', "x=':notparam'"]:
    b = s.encode("utf-8")
    print(" bytes", PB.findall(b), PB.sub(b"_", b))
