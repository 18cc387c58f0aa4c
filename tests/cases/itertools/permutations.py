from itertools import *
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: permutations([1], -1), 'permutations([1], -1)')
_t(lambda: list(permutations("abc")), 'list(permutations("abc"))')
_t(lambda: list(permutations("abcd", 2)), 'list(permutations("abcd", 2))')
_t(lambda: list(permutations("ab", 3)), 'list(permutations("ab", 3))')
_t(lambda: list(permutations([], 0)), 'list(permutations([], 0))')
