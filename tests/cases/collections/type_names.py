import collections as C
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for T in (C.Counter, C.OrderedDict, C.defaultdict, C.deque):
    t(lambda: T); t(lambda: T.__name__); t(lambda: T.__module__)
    t(lambda: T().nope)
    t(lambda: T.nope)
t(lambda: C.Counter() + 1); t(lambda: C.Counter() < 1); t(lambda: C.OrderedDict() | 1)
t(lambda: C.deque() + []); t(lambda: C.defaultdict(1)); t(lambda: C.Counter(a=1) - 'x')
t(lambda: hash(C.Counter())); t(lambda: hash(C.OrderedDict())); t(lambda: hash(C.deque()))
t(lambda: {C.Counter(): 1}); t(lambda: C.Counter() * 2); t(lambda: 2 ** C.Counter())
t(lambda: type(C.Counter()).__name__); t(lambda: str(type(C.OrderedDict())))
