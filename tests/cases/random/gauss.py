import random
for seed in [1, 2, 'g']:
    r = random.Random(seed)
    print([r.gauss() for _ in range(5)])
    print(r.gauss(5, 2), r.gauss(mu=-1), r.gauss(sigma=0), r.gauss(1, 10))
random.seed(8)
a = random.gauss()
random.seed(8)     # seeding drops the spare value
print(a == random.gauss())
