from itertools import *
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: list(islice(range(10), None, None, 2)), 'list(islice(range(10), None, None, 2))')
_t(lambda: list(islice(range(10), 2, 8, 3)), 'list(islice(range(10), 2, 8, 3))')
_t(lambda: list(islice(range(10), 3)), 'list(islice(range(10), 3))')
_t(lambda: list(islice(range(10), 3, None)), 'list(islice(range(10), 3, None))')
_t(lambda: list(islice(count(), 5, 10**30, 10**20)), 'list(islice(count(), 5, 10**30, 10**20))')
