import random
for seed in [1, 11, 'gb']:
    r = random.Random(seed)
    print([r.gammavariate(a, 1.0) for a in (0.1, 0.5, 0.9, 1.0, 2.0, 20.0, 200.0)])
    print(r.gammavariate(3, 2), r.gammavariate(0.3, 5))
    print([r.betavariate(a, b) for a, b in ((1, 1), (2, 3), (0.5, 0.5), (3, 3))])
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: random.gammavariate(0, 1))
t(lambda: random.gammavariate(1, -1))
t(lambda: random.betavariate(1, 0))
t(lambda: random.betavariate(0, 1))
