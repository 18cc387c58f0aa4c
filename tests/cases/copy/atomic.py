import copy
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: copy.copy({1, 2}), 'copy.copy({1, 2})')
_t(lambda: copy.deepcopy(frozenset({1, 2})), 'copy.deepcopy(frozenset({1, 2}))')
_t(lambda: copy.copy(5), 'copy.copy(5)')
_t(lambda: copy.deepcopy("s"), 'copy.deepcopy("s")')
_t(lambda: copy.deepcopy(None), 'copy.deepcopy(None)')
_t(lambda: copy.deepcopy(len) is len, 'copy.deepcopy(len) is len')
