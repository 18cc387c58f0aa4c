import functools
from functools import *
def add(a, b): return a + b
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)), 'sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a))')
_t(lambda: cmp_to_key(lambda a, b: a - b)(1) < cmp_to_key(lambda a, b: a - b)(2), 'cmp_to_key(lambda a, b: a - b)(1) < cmp_to_key(lambda a, b: a - b)(2)')
_t(lambda: cmp_to_key(lambda a, b: a - b)(1).obj, 'cmp_to_key(lambda a, b: a - b)(1).obj')
_t(lambda: hash(cmp_to_key(lambda a, b: a - b)(1)), 'hash(cmp_to_key(lambda a, b: a - b)(1))')
_t(lambda: sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda a, b: len(a) - len(b))), 'sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda a, b: len(a) - len(b)))')
