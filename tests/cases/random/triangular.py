import random
for seed in [1, 2, 3]:
    r = random.Random(seed)
    print(r.triangular(), r.triangular(1, 10), r.triangular(1, 10, 2), r.triangular(10, 1, 9))
    print(r.triangular(3, 3, 3), r.triangular(2.5, 2.5, 0), r.triangular(2, 2), r.triangular(mode=0.2))
