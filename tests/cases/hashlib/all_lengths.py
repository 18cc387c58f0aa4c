# every length 0..300 with varied content, folded into one digest per algorithm
import hashlib
for n in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    acc = hashlib.sha256()
    for length in range(301):
        data = bytes((i * 131 + length * 7) % 256 for i in range(length))
        acc.update(hashlib.new(n, data).digest())
    print(n, acc.hexdigest())
