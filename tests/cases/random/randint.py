import random
random.seed(42)
print([random.randint(1, 100) for _ in range(20)])
print([random.randint(-5, 5) for _ in range(20)])
print([random.randint(0, 2**40) for _ in range(5)], random.randint(3, 3))
random.seed(2024)
print([random.randint(1, 6) for _ in range(30)])
