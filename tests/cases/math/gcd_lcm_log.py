import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.gcd(12, 18, 24), 'math.gcd(12, 18, 24)')
_t(lambda: math.lcm(4, 6, 10), 'math.lcm(4, 6, 10)')
_t(lambda: math.gcd(2**100, 6**50), 'math.gcd(2**100, 6**50)')
_t(lambda: math.lcm(2**70, 3**40), 'math.lcm(2**70, 3**40)')
_t(lambda: math.log(8, 2), 'math.log(8, 2)')
_t(lambda: math.log10(1000), 'math.log10(1000)')
_t(lambda: math.log2(1024), 'math.log2(1024)')
_t(lambda: math.log1p(-1), 'math.log1p(-1)')
