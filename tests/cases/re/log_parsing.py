import re
log = """2024-01-15 10:23:45 ERROR [db] Connection timeout after 30s
2024-01-15 10:23:46 INFO [web] GET /index.html 200 0.012s
2024-01-15 10:24:01 WARN [web] GET /missing 404 0.003s
2024-01-15 10:25:13 ERROR [auth] Invalid token for user=alice id=42"""
pat = re.compile(r'^(?P<date>\S+) (?P<time>\S+) (?P<level>[A-Z]+) \[(?P<comp>\w+)\] (?P<msg>.*)$', re.M)
for m in pat.finditer(log):
    print(m['level'], m['comp'], m['msg'][:20])
print(re.findall(r'(GET|POST) (\S+) (\d{3})', log))
print(dict(re.findall(r'(\w+)=(\w+)', log)))
print(sum(float(x) for x in re.findall(r'(\d+\.\d+)s\b', log)))
errors = [l for l in log.splitlines() if re.search(r'\bERROR\b', l)]
print(len(errors))
