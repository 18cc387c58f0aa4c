from collections import defaultdict
class Tally(defaultdict):
    pass
t = Tally(int)
t['x'] += 3
print(repr(t), str(t))
print(Tally(None), Tally())
print(isinstance(t, defaultdict), isinstance(t, dict))
