from itertools import *
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: zip_longest([1], fillvalue=0, x=2), 'zip_longest([1], fillvalue=0, x=2)')
_t(lambda: list(zip_longest([1,2,3], "ab", fillvalue="-")), 'list(zip_longest([1,2,3], "ab", fillvalue="-"))')
_t(lambda: list(zip_longest()), 'list(zip_longest())')
_t(lambda: list(zip_longest([1], [])), 'list(zip_longest([1], []))')
_t(lambda: list(pairwise(1)), 'list(pairwise(1))')
_t(lambda: list(pairwise([1,2,3,4])), 'list(pairwise([1,2,3,4]))')
_t(lambda: list(pairwise([1])), 'list(pairwise([1]))')
