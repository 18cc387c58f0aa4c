import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.exp(1), 'math.exp(1)')
_t(lambda: math.sin(1), 'math.sin(1)')
_t(lambda: math.tan(1.5), 'math.tan(1.5)')
_t(lambda: math.atan2(-0.0, -1), 'math.atan2(-0.0, -1)')
_t(lambda: math.degrees(math.pi), 'math.degrees(math.pi)')
_t(lambda: math.radians(180), 'math.radians(180)')
_t(lambda: math.floor(-2.5), 'math.floor(-2.5)')
_t(lambda: math.ceil(-2.5), 'math.ceil(-2.5)')
_t(lambda: math.trunc(-2.7), 'math.trunc(-2.7)')
_t(lambda: math.floor(True), 'math.floor(True)')
