from itertools import *
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: tee([1], -1), 'tee([1], -1)')
_t(lambda: list(product([1,2], repeat=-1)), 'list(product([1,2], repeat=-1))')
_t(lambda: list(product("ab", "xy")), 'list(product("ab", "xy"))')
_t(lambda: list(product("ab", repeat=2)), 'list(product("ab", repeat=2))')
_t(lambda: list(product()), 'list(product())')
_t(lambda: list(product([1], [])), 'list(product([1], []))')
_t(lambda: list(product(repeat=0)), 'list(product(repeat=0))')
