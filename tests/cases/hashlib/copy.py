import hashlib
for n in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    h = hashlib.new(n, b'prefix-')
    c = h.copy()
    h.update(b'one')
    c.update(b'two')
    print(n, h.hexdigest()[:12], c.hexdigest()[:12], type(c).__name__, c.name)
    d = c.copy()
    print(d.digest() == c.digest(), d is c)
