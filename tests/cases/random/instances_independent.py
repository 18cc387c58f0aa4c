import random
a = random.Random(1)
b = random.Random(1)
xa = [a.random() for _ in range(3)]
random.seed(1)
print(xa == [b.random() for _ in range(3)], random.random() == random.Random(1).random())
c = random.Random('shared')
d = random.Random('shared')
c.random()
print(c.random() == d.random(), c.random() != d.random())
