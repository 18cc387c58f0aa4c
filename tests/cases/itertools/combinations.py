from itertools import *
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: combinations([1], -1), 'combinations([1], -1)')
_t(lambda: combinations([1]), 'combinations([1])')
_t(lambda: list(combinations("abcd", 2)), 'list(combinations("abcd", 2))')
_t(lambda: list(combinations("abc", 0)), 'list(combinations("abc", 0))')
_t(lambda: list(combinations("abc", 4)), 'list(combinations("abc", 4))')
_t(lambda: combinations_with_replacement([1], -1), 'combinations_with_replacement([1], -1)')
_t(lambda: list(combinations_with_replacement("abc", 2)), 'list(combinations_with_replacement("abc", 2))')
_t(lambda: list(combinations_with_replacement("", 2)), 'list(combinations_with_replacement("", 2))')
_t(lambda: list(combinations_with_replacement("", 0)), 'list(combinations_with_replacement("", 0))')
