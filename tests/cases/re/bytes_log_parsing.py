import re
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

log = (b'127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326\n'
       b'10.0.0.2 - - [10/Oct/2000:13:56:01 -0700] "POST /login HTTP/1.1" 302 -\n')
pat = re.compile(rb'^(\S+) \S+ (\S+) \[([^\]]+)\] "(\w+) (\S+) [^"]*" (\d{3}) (\d+|-)$', re.M)
for m in pat.finditer(log):
    print(m.groups())
    print(m.expand(rb'\4 \5 -> \6'))
print(pat.sub(rb'\1', log))
