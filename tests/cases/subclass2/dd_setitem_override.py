from collections import defaultdict
class Logged(defaultdict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
d = Logged(int)
d['a']
d['b'] = 5
d['a'] += 1
print(d)
