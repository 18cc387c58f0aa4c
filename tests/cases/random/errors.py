import random
random.seed(5)
tests = [lambda: random.randrange(5, 2), lambda: random.randrange(0), lambda: random.randrange(0, 10, 0),
         lambda: random.choice([]), lambda: random.sample({1, 2}, 1), lambda: random.sample([1, 2], 3),
         lambda: random.getrandbits(-1), lambda: random.choices('ab', [1], k=2),
         lambda: random.choices('ab', [0, 0]), lambda: random.choices('ab', [1, 2], cum_weights=[1, 2]),
         lambda: random.seed([1]), lambda: random.choices('ab', 3), lambda: random.sample([1, 2], -1)]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
