import random
for s in [b'', b'\x00', b'\x00\x00abc', b'xyz' * 100, bytes(range(256)), b'\xff' * 64]:
    r = random.Random(s)
    print(repr(s)[:20], r.random(), r.randint(1, 6), r.choice('abcdef'))
