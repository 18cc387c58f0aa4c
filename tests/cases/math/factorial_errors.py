import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.factorial(1.0), 'math.factorial(1.0)')
_t(lambda: math.factorial(-1), 'math.factorial(-1)')
_t(lambda: math.factorial(10**20), 'math.factorial(10**20)')
_t(lambda: math.gcd(1.5), 'math.gcd(1.5)')
_t(lambda: math.isqrt(-1), 'math.isqrt(-1)')
