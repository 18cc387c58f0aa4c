from itertools import *
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: dropwhile(None), 'dropwhile(None)')
_t(lambda: list(dropwhile(lambda x: x < 3, [1,2,3,4,1])), 'list(dropwhile(lambda x: x < 3, [1,2,3,4,1]))')
_t(lambda: list(takewhile(lambda x: x < 3, [1,2,3,4,1])), 'list(takewhile(lambda x: x < 3, [1,2,3,4,1]))')
_t(lambda: filterfalse(None), 'filterfalse(None)')
_t(lambda: list(filterfalse(None, [0,1,2,0])), 'list(filterfalse(None, [0,1,2,0]))')
_t(lambda: list(filterfalse(lambda x: x % 2, range(10))), 'list(filterfalse(lambda x: x % 2, range(10)))')
