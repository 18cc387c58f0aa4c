import random
for s in [0.0, 1.5, -1.5, 3.0, -0.0, 1e300, 2.5e-10, 123.456, float('inf')]:
    random.seed(s)
    print(s, random.random())
