import random
for s in [0, 1, -1, 2, 2**31, 2**32 - 1, 2**32, 2**63, 2**64 + 5, -2**100, 10**50, 123456789, True, False]:
    random.seed(s)
    print(s, random.random(), random.getrandbits(40))
