import re
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

lines = [
    '2024/03/05 14:07:09 [error] 1234#0: *56 open() "/var/www/x.png" failed (2: No such file or directory), client: 10.0.0.1, server: ex.com, request: "GET /x.png HTTP/1.1", host: "ex.com"',
    '2024/03/05 14:07:10 [warn] 1234#0: *57 upstream response is buffered to a temporary file, client: 10.0.0.2, server: ex.com',
    '2024/03/05 14:08:00 [crit] 99#7: *1 SSL_do_handshake() failed, client: 2001:db8::1, server: 0.0.0.0:443',
]
pat = re.compile(r'^(?P<date>\d{4}/\d{2}/\d{2}) (?P<time>[\d:]+) \[(?P<level>\w+)\] (?P<pid>\d+)#(?P<tid>\d+): '
                 r'(?:\*(?P<cid>\d+) )?(?P<msg>.*?)(?:, client: (?P<client>[^,]+))?(?:, server: (?P<server>[^,]+))?(?:, (?P<rest>.*))?$')
for ln in lines:
    m = pat.match(ln)
    print(m.group('level'), m.group('cid'), m.group('client'), m.group('server'), repr(m.group('msg'))[:60])
    print(re.findall(r'(\w+): "([^"]*)"', ln))
levels = re.findall(r'\[(\w+)\]', '\n'.join(lines))
print({lv: levels.count(lv) for lv in levels})
