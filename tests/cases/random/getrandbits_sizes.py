import random
r = random.Random(31337)
print([r.getrandbits(k) for k in (0, 1, 2, 31, 32, 33, 63, 64, 65, 96, 100, 128, 200, 257)])
print(r.getrandbits(1000) % 10**30, r.getrandbits(5000).bit_length() <= 5000)
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: r.getrandbits(2**31))
t(lambda: r.getrandbits(2**64))
t(lambda: r.getrandbits(-2**64))
t(lambda: r.getrandbits(-1))
t(lambda: r.getrandbits(1.5))
t(lambda: r.getrandbits(True))
