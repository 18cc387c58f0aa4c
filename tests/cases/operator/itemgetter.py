import operator
from operator import itemgetter, attrgetter, methodcaller
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: itemgetter(1)([10, 20, 30]), 'itemgetter(1)([10, 20, 30])')
_t(lambda: itemgetter(0, 2)("abc"), 'itemgetter(0, 2)("abc")')
_t(lambda: itemgetter("k")({"k": "v"}), 'itemgetter("k")({"k": "v"})')
_t(lambda: itemgetter(), 'itemgetter()')
_t(lambda: itemgetter(1), 'itemgetter(1)')
_t(lambda: itemgetter(1, "a"), 'itemgetter(1, "a")')
_t(lambda: sorted([(1, "b"), (0, "c"), (2, "a")], key=itemgetter(1)), 'sorted([(1, "b"), (0, "c"), (2, "a")], key=itemgetter(1))')
_t(lambda: itemgetter(5)([1]), 'itemgetter(5)([1])')
