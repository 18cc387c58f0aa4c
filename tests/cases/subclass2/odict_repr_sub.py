from collections import OrderedDict
class LastUpdated(OrderedDict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)
d = LastUpdated()
d['x'] = 1
d['y'] = 2
d['x'] = 3
print(d, LastUpdated(), list(d))
print(d == OrderedDict([('y', 2), ('x', 3)]), d == OrderedDict([('x', 3), ('y', 2)]))
