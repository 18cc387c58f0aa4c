import operator
from operator import itemgetter, attrgetter, methodcaller
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: methodcaller("upper")("abc"), 'methodcaller("upper")("abc")')
_t(lambda: methodcaller("split", ",", maxsplit=1)("a,b,c"), 'methodcaller("split", ",", maxsplit=1)("a,b,c")')
_t(lambda: methodcaller("split", ",", maxsplit=1), 'methodcaller("split", ",", maxsplit=1)')
_t(lambda: methodcaller(), 'methodcaller()')
_t(lambda: methodcaller(1), 'methodcaller(1)')
_t(lambda: sorted(["b", "A", "c"], key=methodcaller("lower")), 'sorted(["b", "A", "c"], key=methodcaller("lower"))')
_t(lambda: list(map(itemgetter(0), [[1], [2]])), 'list(map(itemgetter(0), [[1], [2]]))')
d = {}
operator.setitem(d, "x", 1)
operator.delitem([1], 0)
_t(lambda: d, 'd')
_t(lambda: operator.call(len, [1, 2]), 'operator.call(len, [1, 2])')
