import random
for seed in [1, 42, 'seed', b'bytes']:
    r = random.Random(seed)
    print(r.randbytes(0), r.randbytes(1), r.randbytes(3), r.randbytes(4), r.randbytes(7), r.randbytes(9))
    print(r.randbytes(40).hex())
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
random.seed(0)
t(lambda: random.randbytes(-1))
t(lambda: random.randbytes(2**28))
t(lambda: random.randbytes('a'))
t(lambda: random.randbytes(1.5))
t(lambda: random.randbytes(True))
