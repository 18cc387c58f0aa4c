import random
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: random.seed([1]))
t(lambda: random.seed((1,)))
t(lambda: random.seed({}))
t(lambda: random.Random([]))
t(lambda: random.seed(1, 3))
t(lambda: random.seed(a=5, version=2))
