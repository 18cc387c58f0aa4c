from itertools import *
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: list(starmap(pow, [1])), 'list(starmap(pow, [1]))')
_t(lambda: list(starmap(pow, [(2,3), [3,2]])), 'list(starmap(pow, [(2,3), [3,2]]))')
_t(lambda: groupby(), 'groupby()')
_t(lambda: [(k, list(g)) for k, g in groupby("aaabbcaa")], '[(k, list(g)) for k, g in groupby("aaabbcaa")]')
_t(lambda: [(k, list(g)) for k, g in groupby([1,2,3,4,5,6], key=lambda x: x // 3)], '[(k, list(g)) for k, g in groupby([1,2,3,4,5,6], key=lambda x: x // 3)]')
_t(lambda: [k for k, g in groupby("aaabbc")], '[k for k, g in groupby("aaabbc")]')
