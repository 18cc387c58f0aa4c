import statistics as s
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: s.mean([0.1, 0.2, 0.3]))
t(lambda: s.mean([1, 2.5, True]))
t(lambda: s.mean([1e308, 1e308]))
t(lambda: s.mean([0.1] * 10))
t(lambda: s.mean([1e-300, 3e-300, 1.5]))
t(lambda: s.mean([-0.5, 0.25]))
