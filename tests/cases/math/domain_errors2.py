import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.lcm(1.5), 'math.lcm(1.5)')
_t(lambda: math.pow(0, -1), 'math.pow(0, -1)')
_t(lambda: math.pow(-1, 0.5), 'math.pow(-1, 0.5)')
_t(lambda: math.gamma(0), 'math.gamma(0)')
_t(lambda: math.gamma(-1), 'math.gamma(-1)')
_t(lambda: math.lgamma(0), 'math.lgamma(0)')
_t(lambda: math.gamma(200), 'math.gamma(200)')
_t(lambda: math.sqrt(-1), 'math.sqrt(-1)')
_t(lambda: math.acos(2), 'math.acos(2)')
_t(lambda: math.cosh(1000), 'math.cosh(1000)')
