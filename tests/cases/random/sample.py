import random
random.seed(42)
print(random.sample(range(100), 10))
print(random.sample('abcdef', 3), random.sample([1, 2, 3], 3), random.sample([1, 2], 0))
print(random.sample(range(10**6), 8))
print(random.sample(range(30), 20))
print(random.sample(tuple(range(200)), 7))
