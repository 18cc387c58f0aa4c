from collections import OrderedDict
class O(OrderedDict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
o = O([('a', 1)], b=2)
o['c'] = 3
print(o)
