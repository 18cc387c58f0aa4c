import statistics as s
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: s.mean([1, 2, 3, 4]))
t(lambda: s.mean([1, 2, 3]))
t(lambda: s.mean([1, 2]))
t(lambda: s.mean([10**30, 1]))
t(lambda: s.mean(range(101)))
t(lambda: s.mean([True, False]))
t(lambda: s.mean(x * x for x in range(7)))
