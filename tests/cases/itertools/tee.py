from itertools import *
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: list(repeat(7, 3)), 'list(repeat(7, 3))')
_t(lambda: [list(x) for x in tee("abc", 3)], '[list(x) for x in tee("abc", 3)]')
_t(lambda: len(tee([1])), 'len(tee([1]))')
_t(lambda: tee([1], 0), 'tee([1], 0)')
_t(lambda: product([1], foo=2), 'product([1], foo=2)')
_t(lambda: permutations("abc", r=2.5), 'permutations("abc", r=2.5)')
_t(lambda: list(permutations(range(3), None)), 'list(permutations(range(3), None))')
