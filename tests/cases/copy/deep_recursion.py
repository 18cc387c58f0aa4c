import copy
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
deep = []
for _ in range(100000): deep = [deep]
_t(lambda: copy.deepcopy(deep), 'copy.deepcopy(deep)')
ok = []
for _ in range(200): ok = [ok]
_t(lambda: len(str(copy.deepcopy(ok))), 'len(str(copy.deepcopy(ok)))')
_t(lambda: copy.deepcopy([1], {}), 'copy.deepcopy([1], {})')
_t(lambda: copy.deepcopy([[1, 2]] * 3), 'copy.deepcopy([[1, 2]] * 3)')
_t(lambda: copy.Error.__mro__[1], 'copy.Error.__mro__[1]')
_t(lambda: copy.copy(), 'copy.copy()')
