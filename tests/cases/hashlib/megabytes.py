# some MB-sized inputs, hashed whole and in uneven pieces
import hashlib
data = bytes(range(251)) * 12000 + b'tail'
for n in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    h = hashlib.new(n)
    i = 0
    step = 1
    while i < len(data):
        h.update(data[i:i + step])
        i += step
        step = step * 3 + 1
    print(n, len(data), h.hexdigest() == hashlib.new(n, data).hexdigest(), h.hexdigest()[:32])
