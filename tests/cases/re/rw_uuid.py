import re
P = re.compile('\\b[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\b', re.M)
for s in ['id=123e4567-e89b-12d3-a456-426614174000 bad=123e4567-e89b-62d3-a456-426614174000', 'X123E4567-E89B-12D3-A456-426614174000']:
    print(repr(s))
    print(" findall", P.findall(s))
    print(" spans", [(m.span(), m.lastindex, m.lastgroup) for m in P.finditer(s)])
    print(" sub", repr(P.sub(lambda m: "<" + m.group(0) + ">", s)), P.subn("#", s)[1])
    print(" split", P.split(s))
    m = P.search(s)
    print(" search", m and (m.group(0), m.groups(), m.groupdict()))
PB = re.compile(b'\\b[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\b', re.M)
for s in ['id=123e4567-e89b-12d3-a456-426614174000 bad=123e4567-e89b-62d3-a456-426614174000', 'X123E4567-E89B-12D3-A456-426614174000']:
    b = s.encode("utf-8")
    print(" bytes", PB.findall(b), PB.sub(b"_", b))
