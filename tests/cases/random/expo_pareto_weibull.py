import random
for seed in [1, 7, 'e']:
    r = random.Random(seed)
    print(r.expovariate(2), r.expovariate(0.1), r.expovariate(-1))
    print(r.paretovariate(3), r.paretovariate(0.5))
    print(r.weibullvariate(1, 1.5), r.weibullvariate(2, 0.5))
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: random.expovariate(0))
t(lambda: random.paretovariate(0))
t(lambda: random.weibullvariate(1, 0))
t(lambda: random.paretovariate(1e-300))
