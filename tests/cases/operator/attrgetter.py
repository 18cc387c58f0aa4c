import operator
from operator import itemgetter, attrgetter, methodcaller
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: attrgetter("real")(3), 'attrgetter("real")(3)')
_t(lambda: attrgetter("real", "imag")(3), 'attrgetter("real", "imag")(3)')
_t(lambda: attrgetter("real.real")(3), 'attrgetter("real.real")(3)')
_t(lambda: attrgetter("a.b"), 'attrgetter("a.b")')
_t(lambda: attrgetter(1), 'attrgetter(1)')
_t(lambda: attrgetter("nope")(3), 'attrgetter("nope")(3)')
