from itertools import *
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: list(chain(1)), 'list(chain(1))')
_t(lambda: list(chain([1,2], (3,), "ab")), 'list(chain([1,2], (3,), "ab"))')
_t(lambda: list(chain.from_iterable([[1], [2, 3]])), 'list(chain.from_iterable([[1], [2, 3]]))')
_t(lambda: list(chain.from_iterable([1])), 'list(chain.from_iterable([1]))')
