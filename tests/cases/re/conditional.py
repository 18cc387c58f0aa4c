import re
p = re.compile(r'(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)')
for s in ['<user@host.com>', 'user@host.com', '<user@host.com', 'user@host.com>']:
    m = p.match(s)
    print(s, m and m.group(2))
print(re.match(r'(?P<q>")?\w+(?(q)")', '"abc"').group())
