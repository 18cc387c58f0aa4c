import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.perm(5, 10**20), 'math.perm(5, 10**20)')
_t(lambda: math.comb(10**20, 10**20-3), 'math.comb(10**20, 10**20-3)')
_t(lambda: math.comb(5, 10**20), 'math.comb(5, 10**20)')
_t(lambda: math.log(10**1000), 'math.log(10**1000)')
_t(lambda: math.log10(10**1000), 'math.log10(10**1000)')
_t(lambda: math.log2(2**5000), 'math.log2(2**5000)')
_t(lambda: math.log(2**5000, 2), 'math.log(2**5000, 2)')
_t(lambda: math.log("a"), 'math.log("a")')
