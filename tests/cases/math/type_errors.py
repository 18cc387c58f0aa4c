import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.trunc("a"), 'math.trunc("a")')
_t(lambda: math.floor("a"), 'math.floor("a")')
_t(lambda: math.sqrt("a"), 'math.sqrt("a")')
_t(lambda: math.sqrt(10**400), 'math.sqrt(10**400)')
_t(lambda: math.ldexp(1.0, 10**30), 'math.ldexp(1.0, 10**30)')
