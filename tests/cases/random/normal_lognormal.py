import random
for seed in [1, 42, 'n']:
    r = random.Random(seed)
    print([r.normalvariate() for _ in range(3)], r.normalvariate(10, 2), r.normalvariate(sigma=3))
    print(r.lognormvariate(0, 1), r.lognormvariate(1.5, 0.25))
try:
    random.lognormvariate(1000, 1)
except OverflowError as e:
    print(type(e).__name__, e)
