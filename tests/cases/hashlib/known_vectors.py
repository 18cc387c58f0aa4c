import hashlib
vectors = [b'', b'abc', b'message digest', b'abcdefghijklmnopqrstuvwxyz',
           b'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
           b'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
           b'12345678901234567890123456789012345678901234567890123456789012345678901234567890']
for v in vectors:
    print(len(v), hashlib.md5(v).hexdigest(), hashlib.sha1(v).hexdigest())
    print(hashlib.sha224(v).hexdigest(), hashlib.sha256(v).hexdigest())
    print(hashlib.sha384(v).hexdigest())
    print(hashlib.sha512(v).hexdigest())
