import string
from string import Template
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: string.ascii_letters, 'string.ascii_letters')
_t(lambda: string.ascii_lowercase, 'string.ascii_lowercase')
_t(lambda: string.ascii_uppercase, 'string.ascii_uppercase')
_t(lambda: string.digits, 'string.digits')
_t(lambda: string.hexdigits, 'string.hexdigits')
_t(lambda: string.octdigits, 'string.octdigits')
_t(lambda: string.punctuation, 'string.punctuation')
_t(lambda: string.whitespace, 'string.whitespace')
_t(lambda: string.printable, 'string.printable')
