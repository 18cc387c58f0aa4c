import statistics as s
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: s.stdev([1, 2, 3, 4]))
t(lambda: s.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
t(lambda: s.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
t(lambda: s.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
t(lambda: s.stdev(range(10)))
t(lambda: s.stdev([10**20, 10**20 + 1, 3]))
t(lambda: s.stdev([0.1, 0.2, 0.3, 0.4]))
t(lambda: s.pstdev([5]))
