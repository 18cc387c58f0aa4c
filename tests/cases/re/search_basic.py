import re
print(re.search(r'\d+', 'abc 123 def 45'))
print(re.search(r'x', 'abc'))
print(re.search(r'^b', 'ab\nbc'), re.search(r'^b', 'ab\nbc', re.M))
m = re.search(r'(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)', 'date: 2024-03-15!')
print(m.group('year'), m['month'], m.groupdict(), m.lastgroup, m.lastindex)
