from collections import OrderedDict
class O(OrderedDict):
    pass
o = O(a=1, b=2)
c = o.copy()
print(type(c).__name__, c, c == o)
o.move_to_end('a')
print(o, o.popitem(), o)
