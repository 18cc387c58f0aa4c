# inputs from random.randbytes (CPython's sequence) of lengths 0..300
import hashlib, random
r = random.Random(2024)
fold = {n: hashlib.sha1() for n in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']}
for length in range(301):
    for _ in range(2):
        data = r.randbytes(length)
        for n, acc in fold.items():
            acc.update(hashlib.new(n, data).digest())
for n, acc in fold.items():
    print(n, acc.hexdigest())
