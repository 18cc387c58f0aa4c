import random
random.seed(3)
print(random.choices('abc', k=10))
print(random.choices(['r', 'g', 'b'], [10, 5, 1], k=10))
print(random.choices(['r', 'g', 'b'], weights=[0.1, 0.2, 0.7], k=10))
print(random.choices(range(5), cum_weights=[1, 2, 3, 4, 10], k=10))
print(random.choices('xy'), random.choices('xy', k=0))
