import functools
from functools import *
def add(a, b): return a + b
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: reduce(add, [1, 2, 3, 4]), 'reduce(add, [1, 2, 3, 4])')
_t(lambda: reduce(add, [1, 2, 3], 10), 'reduce(add, [1, 2, 3], 10)')
_t(lambda: reduce(add, []), 'reduce(add, [])')
_t(lambda: reduce(add, [], 5), 'reduce(add, [], 5)')
_t(lambda: reduce(add), 'reduce(add)')
_t(lambda: reduce(add, 1), 'reduce(add, 1)')
_t(lambda: reduce(lambda a, b: a * b, range(1, 10)), 'reduce(lambda a, b: a * b, range(1, 10))')
_t(lambda: reduce(add, ["a", "b"], ""), 'reduce(add, ["a", "b"], "")')
