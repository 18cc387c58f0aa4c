import hashlib
for n in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    h = hashlib.new(n, b'The quick brown fox jumps over the lazy dog')
    d = h.digest()
    print(n, type(d).__name__, len(d), d.hex() == h.hexdigest(), d[:6])
    print(h.digest() == d, h.hexdigest() == h.hexdigest())
