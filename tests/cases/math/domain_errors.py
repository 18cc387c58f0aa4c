import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.log(1,1), 'math.log(1,1)')
_t(lambda: math.log(0), 'math.log(0)')
_t(lambda: math.log(-1, 10), 'math.log(-1, 10)')
_t(lambda: math.exp(1000), 'math.exp(1000)')
_t(lambda: math.nextafter(1), 'math.nextafter(1)')
_t(lambda: math.ulp("a"), 'math.ulp("a")')
_t(lambda: math.fmod(1, 0), 'math.fmod(1, 0)')
_t(lambda: math.remainder(1,0), 'math.remainder(1,0)')
_t(lambda: math.atan2(1), 'math.atan2(1)')
_t(lambda: math.frexp("x"), 'math.frexp("x")')
_t(lambda: math.modf(float("inf")), 'math.modf(float("inf"))')
