# an OrderedDict subclass whose __setitem__ sets itself again
# limits: --max-memory=100000000 --max-duration=10
# expect: RecursionError
from collections import OrderedDict
class O(OrderedDict):
    def __setitem__(self, k, v):
        self[k] = v
O(a=1)
