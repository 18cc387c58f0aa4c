import copy
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
class P:
    def __init__(self, x): self.x = x
    def __repr__(self): return "P(%r)" % (self.x,)
p = P([1, 2])
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
_t(lambda: (p2.x is p.x, p3.x is p.x, p3.x == p.x, type(p3).__name__), '(p2.x is p.x, p3.x is p.x, p3.x == p.x, type(p3).__name__)')
