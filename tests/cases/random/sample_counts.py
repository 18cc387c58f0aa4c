import random
for seed in [1, 2, 'x']:
    r = random.Random(seed)
    print(r.sample(['a', 'b'], 5, counts=[3, 4]))
    print(r.sample(['red', 'blue'], k=5, counts=[4, 2]))
    print(r.sample(range(3), 4, counts=[2, 0, 2]))
    print(r.sample('xyz', 2, counts=(1, 1, 1)))
    print(r.sample(['p', 'q'], 6, counts=[10**12, 10**12]))
    print(r.sample(['a', 'b', 'c'], 3, counts=[True, 5, 1]))
