import random
for s in ['abc', b'abc', b'\xff\x00', '', 'héllo', 'a' * 100]:
    random.seed(s, version=1)
    print(repr(s)[:12], random.random(), random.random())
random.seed(12345, version=1)
print(random.random())
random.seed(99, 3)
print(random.random())
