import random
for s in [42, 0, 1, 7, 12345, 2**32, 2**32 - 1, 2**64 + 5, -42, 3.5, 1.0, True]:
    random.seed(s)
    print(s, [random.random() for _ in range(5)])
