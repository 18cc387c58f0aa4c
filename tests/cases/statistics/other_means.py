import statistics as s
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: s.geometric_mean([1, 2, 3]))
t(lambda: s.geometric_mean([0]))
t(lambda: s.geometric_mean([]))
t(lambda: s.harmonic_mean([1, 2, 4]))
t(lambda: s.harmonic_mean([1, 0]))
t(lambda: s.harmonic_mean([2.5, 3, 10], weights=[1, 2, 3]))
t(lambda: s.harmonic_mean([5]))
t(lambda: s.harmonic_mean([]))
t(lambda: s.harmonic_mean([-1, 2]))
