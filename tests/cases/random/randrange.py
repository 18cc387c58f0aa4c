import random
random.seed(7)
print([random.randrange(10) for _ in range(10)])
print([random.randrange(5, 50, 5) for _ in range(10)])
print([random.randrange(50, 10, -3) for _ in range(10)])
print([random.randrange(-100, 100) for _ in range(10)], random.randrange(1, 2**62))
