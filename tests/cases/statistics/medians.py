import statistics as s
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: s.median([3, 1, 2]))
t(lambda: s.median([3, 1, 2, 4]))
t(lambda: s.median_low([3, 1, 2, 4]))
t(lambda: s.median_high([3, 1, 2, 4]))
t(lambda: s.median([]))
t(lambda: s.median([1, 2.0]))
t(lambda: s.median(["b", "a", "c"]))
t(lambda: s.median([1, "a"]))
t(lambda: s.median_low([]))
