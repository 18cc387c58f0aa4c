import random
for seed in [0, 5, 'w']:
    r = random.Random(seed)
    print(r.choices('abc', cum_weights=[1, 5, 10], k=8))
    print(r.choices(range(5), weights=[1, 0, 0, 0, 5], k=6))
    print(r.choices(['x', 'y'], cum_weights=(0.5, 1.0), k=4))
    print(r.choices('ab', [3, 1]), r.choices('abc', k=5))
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: random.choices('ab', weights=[1, 1], cum_weights=[1, 2]))
t(lambda: random.choices('ab', cum_weights=[1]))
t(lambda: random.choices('ab', cum_weights=[0, 0]))
t(lambda: random.choices('ab', cum_weights=[1, float('inf')]))
t(lambda: random.choices('ab', 2))
t(lambda: random.choices('ab', k=-3))
