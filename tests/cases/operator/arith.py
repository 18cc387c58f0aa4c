import operator
from operator import itemgetter, attrgetter, methodcaller
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: operator.add(1, 2), 'operator.add(1, 2)')
_t(lambda: operator.add("a", "b"), 'operator.add("a", "b")')
_t(lambda: operator.sub(5, 3), 'operator.sub(5, 3)')
_t(lambda: operator.mul(3, "ab"), 'operator.mul(3, "ab")')
_t(lambda: operator.truediv(1, 0), 'operator.truediv(1, 0)')
_t(lambda: operator.floordiv(7, 2), 'operator.floordiv(7, 2)')
_t(lambda: operator.mod(7, 3), 'operator.mod(7, 3)')
_t(lambda: operator.pow(2, 10), 'operator.pow(2, 10)')
_t(lambda: operator.neg(5), 'operator.neg(5)')
_t(lambda: operator.not_(0), 'operator.not_(0)')
_t(lambda: operator.truth([]), 'operator.truth([])')
_t(lambda: operator.and_(6, 3), 'operator.and_(6, 3)')
_t(lambda: operator.or_(6, 3), 'operator.or_(6, 3)')
_t(lambda: operator.xor(6, 3), 'operator.xor(6, 3)')
