# the module-level functions share one hidden generator
import random
random.seed(2023)
print(random.random(), random.uniform(1, 3), random.randint(1, 100), random.randrange(0, 100, 7))
print(random.choice(['a', 'b', 'c']), random.sample(range(50), 4), random.choices('xyz', k=3))
x = list(range(10)); random.shuffle(x); print(x)
print(random.getrandbits(20), random.randbytes(5), random.triangular(0, 1, 0.5))
print(random.normalvariate(0, 1), random.gauss(0, 1), random.expovariate(1.5), random.betavariate(2, 2))
print(random.gammavariate(2, 2), random.lognormvariate(0, 0.5), random.vonmisesvariate(0, 1))
print(random.paretovariate(2), random.weibullvariate(1, 2))
