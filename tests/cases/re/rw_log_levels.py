import re
P = re.compile('^\\[(\\d{2}:\\d{2}:\\d{2})\\]\\s+(DEBUG|INFO|WARN(?:ING)?|ERROR|CRITICAL)\\s*:\\s*(.*)$', re.M)
for s in ['[12:00:01] INFO: started', '[12:00:02]  WARNING :disk 91%', '[bad] INFO: x', '[23:59:59] ERROR:']:
    print(repr(s))
    print(" findall", P.findall(s))
    print(" spans", [(m.span(), m.lastindex, m.lastgroup) for m in P.finditer(s)])
    print(" sub", repr(P.sub(lambda m: "<" + m.group(0) + ">", s)), P.subn("#", s)[1])
    print(" split", P.split(s))
    m = P.search(s)
    print(" search", m and (m.group(0), m.groups(), m.groupdict()))
PB = re.compile(b'^\\[(\\d{2}:\\d{2}:\\d{2})\\]\\s+(DEBUG|INFO|WARN(?:ING)?|ERROR|CRITICAL)\\s*:\\s*(.*)$', re.M)
for s in ['[12:00:01] INFO: started', '[12:00:02]  WARNING :disk 91%', '[bad] INFO: x', '[23:59:59] ERROR:']:
    b = s.encode("utf-8")
    print(" bytes", PB.findall(b), PB.sub(b"_", b))
