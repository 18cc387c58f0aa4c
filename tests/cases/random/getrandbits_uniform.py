import random
random.seed(11)
print([random.getrandbits(k) for k in [0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 200]])
print([random.uniform(1, 5) for _ in range(3)], random.uniform(10, -10))
print([random.gauss(0, 1) for _ in range(5)], random.gauss(100, 15))
