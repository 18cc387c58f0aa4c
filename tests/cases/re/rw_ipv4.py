import re
P = re.compile('\\b(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\b', re.M)
for s in ['10.0.0.1 and 256.1.1.1 and 192.168.001.1', '1.2.3.4.5', 'x127.0.0.1y']:
    print(repr(s))
    print(" findall", P.findall(s))
    print(" spans", [(m.span(), m.lastindex, m.lastgroup) for m in P.finditer(s)])
    print(" sub", repr(P.sub(lambda m: "<" + m.group(0) + ">", s)), P.subn("#", s)[1])
    print(" split", P.split(s))
    m = P.search(s)
    print(" search", m and (m.group(0), m.groups(), m.groupdict()))
PB = re.compile(b'\\b(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\b', re.M)
for s in ['10.0.0.1 and 256.1.1.1 and 192.168.001.1', '1.2.3.4.5', 'x127.0.0.1y']:
    b = s.encode("utf-8")
    print(" bytes", PB.findall(b), PB.sub(b"_", b))
