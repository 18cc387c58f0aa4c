import random
for seed in [1, 5, 'v']:
    r = random.Random(seed)
    print([r.vonmisesvariate(mu, kappa) for mu, kappa in ((0, 0), (1, 4), (3.0, 0.5), (-2, 100), (10, 1e-7))])
