import copy
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
class S:
    def __init__(self): self.v = 1
    def __getstate__(self): return {"v": self.v * 10}
    def __setstate__(self, st): self.v = st["v"] + 1
_t(lambda: copy.deepcopy(S()).v, 'copy.deepcopy(S()).v')
_t(lambda: copy.copy(S()).v, 'copy.copy(S()).v')
