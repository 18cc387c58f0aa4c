import random
for seed in [0, 1, 2, 3, 10, 100, 2**40, -7, 'alpha', 'beta', b'gamma', 3.25]:
    r = random.Random(seed)
    print(seed, [r.randrange(100) for _ in range(8)], round(r.random(), 12))
