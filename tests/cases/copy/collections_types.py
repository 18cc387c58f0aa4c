import copy
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
from collections import Counter, defaultdict, deque, OrderedDict
cnt = Counter("aab")
_t(lambda: (copy.copy(cnt), copy.copy(cnt) is cnt), '(copy.copy(cnt), copy.copy(cnt) is cnt)')
dq = deque([[1], [2]], maxlen=5)
dq2 = copy.deepcopy(dq)
_t(lambda: (dq2, dq2[0] is dq[0], dq2.maxlen), '(dq2, dq2[0] is dq[0], dq2.maxlen)')
dfl = defaultdict(list, {"a": [1]})
dfl2 = copy.deepcopy(dfl)
_t(lambda: (dfl2, dfl2["a"] is dfl["a"]), '(dfl2, dfl2["a"] is dfl["a"])')
_t(lambda: copy.deepcopy(OrderedDict(a=[1])), 'copy.deepcopy(OrderedDict(a=[1]))')
