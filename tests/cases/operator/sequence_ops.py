import operator
from operator import itemgetter, attrgetter, methodcaller
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: operator.contains([1, 2], 2), 'operator.contains([1, 2], 2)')
_t(lambda: operator.getitem({"a": 1}, "a"), 'operator.getitem({"a": 1}, "a")')
_t(lambda: operator.getitem([1, 2, 3], slice(1, None)), 'operator.getitem([1, 2, 3], slice(1, None))')
_t(lambda: operator.countOf([1, 2, 1, 1], 1), 'operator.countOf([1, 2, 1, 1], 1)')
_t(lambda: operator.indexOf([5, 6, 7], 7), 'operator.indexOf([5, 6, 7], 7)')
_t(lambda: operator.indexOf([5, 6, 7], 8), 'operator.indexOf([5, 6, 7], 8)')
_t(lambda: operator.concat([1], [2]), 'operator.concat([1], [2])')
_t(lambda: operator.concat(1, 2), 'operator.concat(1, 2)')
_t(lambda: operator.index(7), 'operator.index(7)')
_t(lambda: operator.index(1.5), 'operator.index(1.5)')
_t(lambda: operator.length_hint([1, 2, 3]), 'operator.length_hint([1, 2, 3])')
_t(lambda: operator.add(1), 'operator.add(1)')
_t(lambda: operator.__add__(2, 3), 'operator.__add__(2, 3)')
_t(lambda: operator.iadd([1], [2]), 'operator.iadd([1], [2])')
_t(lambda: operator.abs(-3), 'operator.abs(-3)')
_t(lambda: operator.invert(5), 'operator.invert(5)')
