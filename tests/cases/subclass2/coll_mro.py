from collections import defaultdict, OrderedDict, Counter, deque
for b in (defaultdict, OrderedDict, Counter, deque):
    class C(b):
        pass
    print([k.__name__ for k in C.__mro__], C.__bases__[0].__name__)
class D2(defaultdict):
    pass
class D3(D2):
    pass
d = D3(int)
d[1] += 1
print(d, isinstance(d, D2))
