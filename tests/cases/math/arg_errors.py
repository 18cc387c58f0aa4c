import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.sqrt(), 'math.sqrt()')
_t(lambda: math.sqrt(x=1), 'math.sqrt(x=1)')
_t(lambda: math.sqrt(1,2), 'math.sqrt(1,2)')
_t(lambda: math.pow(1), 'math.pow(1)')
_t(lambda: math.comb(1), 'math.comb(1)')
_t(lambda: math.log(), 'math.log()')
_t(lambda: math.floor(), 'math.floor()')
