from itertools import *
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: islice([1], -1), 'islice([1], -1)')
_t(lambda: islice([1], -2), 'islice([1], -2)')
_t(lambda: islice([1], 1, -1), 'islice([1], 1, -1)')
_t(lambda: islice([1], -1, 2), 'islice([1], -1, 2)')
_t(lambda: islice([1], 1, 2, 0), 'islice([1], 1, 2, 0)')
_t(lambda: islice([1], 1, 2, -1), 'islice([1], 1, 2, -1)')
_t(lambda: islice([1], "a"), 'islice([1], "a")')
_t(lambda: islice([1], "a", 2), 'islice([1], "a", 2)')
_t(lambda: islice([1]), 'islice([1])')
_t(lambda: islice([1],1,2,3,4), 'islice([1],1,2,3,4)')
_t(lambda: islice([1], 1, 2.0), 'islice([1], 1, 2.0)')
