import random
r1 = random.Random(123)
r2 = random.Random(123)
print([r1.random() for _ in range(3)] == [r2.random() for _ in range(3)])
print(r1.randint(1, 6), r2.randint(1, 6), r1.choice('xyz'))
random.seed(123)
r = random.Random(5)
print(random.random(), r.random())
r.seed(123); print(r.random())
