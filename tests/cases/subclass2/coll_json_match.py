import json
from collections import defaultdict, OrderedDict, Counter, deque
class D(defaultdict): pass
class Q(deque): pass
d = D(int, a=1)
print(json.dumps(d))
match d:
    case {'a': x}:
        print("mapping", x)
match Q([1, 2]):
    case [a, b]:
        print("seq", a, b)
