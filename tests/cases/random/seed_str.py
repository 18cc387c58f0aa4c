import random
for s in ['', 'a', 'hello', 'héllo wörld ☃', 'x' * 1000, '0', 'seed']:
    random.seed(s)
    print(repr(s)[:20], random.random(), random.randrange(1000), random.getrandbits(70))
