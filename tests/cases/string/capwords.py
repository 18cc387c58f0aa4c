import string
from string import Template
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: string.capwords("hello   world  foo"), 'string.capwords("hello   world  foo")')
_t(lambda: string.capwords("hello-world-foo", "-"), 'string.capwords("hello-world-foo", "-")')
_t(lambda: string.capwords("  ABC def "), 'string.capwords("  ABC def ")')
_t(lambda: string.capwords(5), 'string.capwords(5)')
