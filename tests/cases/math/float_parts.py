import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.ulp(1.0), 'math.ulp(1.0)')
_t(lambda: math.nextafter(1, 2), 'math.nextafter(1, 2)')
_t(lambda: math.copysign(3, -0.0), 'math.copysign(3, -0.0)')
_t(lambda: math.fmod(-7, 3), 'math.fmod(-7, 3)')
_t(lambda: math.remainder(7, 3), 'math.remainder(7, 3)')
_t(lambda: math.frexp(8.0), 'math.frexp(8.0)')
_t(lambda: math.modf(-3.25), 'math.modf(-3.25)')
_t(lambda: math.isclose(1.0, 1.0000000001), 'math.isclose(1.0, 1.0000000001)')
_t(lambda: math.isclose(0, 1e-10, abs_tol=1e-9), 'math.isclose(0, 1e-10, abs_tol=1e-9)')
