from collections import defaultdict, deque, Counter, OrderedDict
class S:
    __slots__ = ('a', 'b')
print(dir(S), dir(S()))
class S1(S):
    pass
print(dir(S1()))
for b in (int, float, str, tuple, list, dict, set, Exception, defaultdict, deque, Counter, OrderedDict):
    class C(b):
        pass
    print(b.__name__, [n for n in dir(C) if n in ('__dict__', '__weakref__', '__module__', '__doc__', '__qualname__')])
