from itertools import *
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: compress([1],[1],[1]), 'compress([1],[1],[1])')
_t(lambda: list(compress("abcdef", [1,0,1,0,1,1])), 'list(compress("abcdef", [1,0,1,0,1,1]))')
_t(lambda: list(compress("abc", [1])), 'list(compress("abc", [1]))')
_t(lambda: cycle(), 'cycle()')
_t(lambda: list(islice(cycle("ab"), 5)), 'list(islice(cycle("ab"), 5))')
_t(lambda: list(cycle([])), 'list(cycle([]))')
