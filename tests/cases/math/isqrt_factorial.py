import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.isqrt(10**100), 'math.isqrt(10**100)')
_t(lambda: math.isqrt(2**200-1), 'math.isqrt(2**200-1)')
_t(lambda: math.factorial(30), 'math.factorial(30)')
_t(lambda: math.comb(100, 50), 'math.comb(100, 50)')
_t(lambda: math.perm(10, 3), 'math.perm(10, 3)')
