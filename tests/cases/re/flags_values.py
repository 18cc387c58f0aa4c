import re
print(int(re.I), int(re.M), int(re.S), int(re.X), int(re.A), int(re.U), int(re.L))
print(int(re.IGNORECASE | re.MULTILINE))
print(re.compile('a').flags, re.compile('a', re.I).flags, re.compile('(?s)a').flags, re.compile('a', re.A).flags)
