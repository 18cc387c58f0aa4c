import re
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

text = """Contact: Jane.Doe+news@example.co.uk, bob@localhost (no tld), x@y.z, <ops@sub.example.org>.
Docs at https://docs.example.com/path/to/page?q=1&lang=en#frag and http://example.org.
Also ftp://files.example.net/pub, www.example.com/no-scheme and "https://quoted.example.com/a_b-c".
Bad: @nouser.com, user@.com, https:/broken"""
EMAIL = re.compile(r'\b[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}\b')
print(EMAIL.findall(text))
URL = re.compile(r'\b(?:https?|ftp)://[^\s<>"]+?(?=[.,;:!?)]*(?:\s|$|"))')
print(URL.findall(text))
for m in re.finditer(r'(?P<scheme>https?)://(?P<host>[^/\s:"]+)(?P<path>/[^\s?#"]*)?(?:\?(?P<q>[^\s#"]*))?', text):
    print(m.group('scheme', 'host', 'path', 'q'))
print(re.sub(r'([\w.+-]+)@([\w-]+\.[\w.-]+)', lambda m: m[1][0] + '***@' + m[2], text.splitlines()[0]))
print(sorted({e.split('@')[1].lower() for e in EMAIL.findall(text)}))
