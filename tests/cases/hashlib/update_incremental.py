import hashlib
data = bytes(range(256)) * 3
for n in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    whole = hashlib.new(n, data).hexdigest()
    ok = True
    for step in (1, 7, 55, 63, 64, 65, 127, 128, 129, 500):
        h = hashlib.new(n)
        for i in range(0, len(data), step):
            h.update(data[i:i + step])
        ok = ok and h.hexdigest() == whole
    print(n, ok, whole[:20])
