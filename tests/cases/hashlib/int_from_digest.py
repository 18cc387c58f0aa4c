import hashlib
for s in ['a', 'b', 'hello', '']:
    d = hashlib.sha256(s.encode()).digest()
    print(int.from_bytes(d, 'big') % 1000003, int(hashlib.md5(s.encode()).hexdigest(), 16) >> 100)
