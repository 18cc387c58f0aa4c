import hashlib
data = b'a' * 1000000
for n in ['md5', 'sha1', 'sha256', 'sha512']:
    print(n, hashlib.new(n, data).hexdigest())
