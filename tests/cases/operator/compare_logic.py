import operator
from operator import itemgetter, attrgetter, methodcaller
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: operator.lt(1, 2), 'operator.lt(1, 2)')
_t(lambda: operator.eq("a", "a"), 'operator.eq("a", "a")')
_t(lambda: operator.ge(1, 2), 'operator.ge(1, 2)')
_t(lambda: operator.is_(None, None), 'operator.is_(None, None)')
_t(lambda: operator.is_not(1, None), 'operator.is_not(1, None)')
