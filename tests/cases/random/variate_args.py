import random
r = random.Random(4)
print(r.triangular(low=1, high=2), r.normalvariate(mu=1), r.gauss(mu=2, sigma=0.5))
print(r.gammavariate(alpha=2, beta=3), r.betavariate(alpha=2, beta=3), r.expovariate(lambd=4))
print(r.vonmisesvariate(mu=1, kappa=2), r.paretovariate(alpha=2), r.weibullvariate(alpha=1, beta=2))
print(r.uniform(a=1, b=5), r.uniform(5, 1), r.uniform(-1, -1))
