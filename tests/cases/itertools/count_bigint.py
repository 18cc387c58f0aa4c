from itertools import *
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: next(count(2**63 - 1)), 'next(count(2**63 - 1))')
_t(lambda: list(islice(count(2**63 - 2), 3)), 'list(islice(count(2**63 - 2), 3))')
_t(lambda: list(islice(count(0.5, 0.25), 3)), 'list(islice(count(0.5, 0.25), 3))')
_t(lambda: list(zip(count(), "abc")), 'list(zip(count(), "abc"))')
