from collections import defaultdict
class D(defaultdict):
    def __missing__(self, k):
        print("missing", k)
        return super().__missing__(k)
d = D(list)
d['a'].append(1)
d['a'].append(2)
print(d, type(d).__name__, d.default_factory)
