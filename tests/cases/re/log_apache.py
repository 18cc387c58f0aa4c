import re
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

LOG = """127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://ex.com/start.html" "Mozilla/4.08"
192.168.1.20 - - [11/Oct/2000:08:01:02 +0200] "POST /api/v1/items?id=7&x=y HTTP/1.1" 201 512 "-" "curl/7.68.0"
10.1.2.3 - - [11/Oct/2000:08:01:05 +0200] "GET /missing HTTP/1.1" 404 - "-" "Go-http-client/1.1"
malformed line here
"""
COMBINED = re.compile(r'^(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) \S+ (?P<user>\S+) \[(?P<ts>[^\]]+)\] '
                      r'"(?P<method>[A-Z]+) (?P<path>[^ ?"]+)(?:\?(?P<query>[^ "]*))? (?P<proto>HTTP/[\d.]+)" '
                      r'(?P<status>\d{3}) (?P<size>\d+|-) "(?P<ref>[^"]*)" "(?P<ua>[^"]*)"$', re.M)
total = 0
for m in COMBINED.finditer(LOG):
    d = m.groupdict()
    total += 0 if d['size'] == '-' else int(d['size'])
    print(d['ip'], d['user'], d['method'], d['path'], d['query'], d['status'], d['ua'])
    if d['query']:
        print(dict(re.findall(r'([^&=]+)=([^&]*)', d['query'])))
print(total, len(COMBINED.findall(LOG)))
print(re.findall(r'\[(\d{2})/(\w{3})/(\d{4}):(\d{2}:\d{2}:\d{2}) ([+-]\d{4})\]', LOG))
print(sorted(set(re.findall(r'" (\d{3}) ', LOG))))
