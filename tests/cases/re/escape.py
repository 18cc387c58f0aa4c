import re
print(re.escape('https://www.python.org'))
print(re.escape('a.b-c d\t#&~é[]{}()*+?^$|\\'))
print(re.escape(b'a.b*c'))
print(re.match(re.escape('1+1=2?'), '1+1=2?').group())
