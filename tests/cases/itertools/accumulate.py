from itertools import *
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: list(accumulate([])), 'list(accumulate([]))')
_t(lambda: list(accumulate([1,2,3])), 'list(accumulate([1,2,3]))')
_t(lambda: list(accumulate([1,2,3], initial=10)), 'list(accumulate([1,2,3], initial=10))')
_t(lambda: list(accumulate([], initial=10)), 'list(accumulate([], initial=10))')
_t(lambda: list(accumulate([1,2,3], lambda a,b: a*b)), 'list(accumulate([1,2,3], lambda a,b: a*b))')
_t(lambda: list(accumulate([3,1,4,1,5], max)), 'list(accumulate([3,1,4,1,5], max))')
