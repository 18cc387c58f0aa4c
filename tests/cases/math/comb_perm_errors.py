import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.comb(-1,2), 'math.comb(-1,2)')
_t(lambda: math.comb(1,-2), 'math.comb(1,-2)')
_t(lambda: math.perm(-1), 'math.perm(-1)')
_t(lambda: math.comb(10**20, 10**19), 'math.comb(10**20, 10**19)')
