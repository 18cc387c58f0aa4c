import copy
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
class Q:
    def __init__(self): self.calls = 0
    def __copy__(self):
        r = Q(); r.calls = self.calls + 1; return r
    def __deepcopy__(self, memo):
        r = Q(); r.calls = self.calls + 100; return r
_t(lambda: (copy.copy(Q()).calls, copy.deepcopy(Q()).calls, copy.deepcopy([Q()])[0].calls), '(copy.copy(Q()).calls, copy.deepcopy(Q()).calls, copy.deepcopy([Q()])[0].calls)')
