import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.degrees("x"), 'math.degrees("x")')
_t(lambda: math.copysign(1), 'math.copysign(1)')
_t(lambda: math.exp2(1100), 'math.exp2(1100)')
_t(lambda: math.cbrt(-8), 'math.cbrt(-8)')
_t(lambda: math.prod(), 'math.prod()')
_t(lambda: math.prod([], start=5), 'math.prod([], start=5)')
_t(lambda: math.fsum(1), 'math.fsum(1)')
_t(lambda: math.erf("a"), 'math.erf("a")')
_t(lambda: math.isinf(10**400), 'math.isinf(10**400)')
_t(lambda: math.ldexp(1, 2.0), 'math.ldexp(1, 2.0)')
_t(lambda: math.factorial(True), 'math.factorial(True)')
_t(lambda: math.gcd(), 'math.gcd()')
_t(lambda: math.lcm(), 'math.lcm()')
