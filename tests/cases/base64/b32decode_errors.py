import base64, binascii
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: base64.b32decode("me======"), 'base64.b32decode("me======")')
_t(lambda: base64.b32decode("me======", casefold=True), 'base64.b32decode("me======", casefold=True)')
_t(lambda: base64.b32decode("ME====="), 'base64.b32decode("ME=====")')
_t(lambda: base64.b32decode("M1======"), 'base64.b32decode("M1======")')
_t(lambda: base64.b32decode("MEA====="), 'base64.b32decode("MEA=====")')
_t(lambda: base64.b32decode("0E======", map01=b"L"), 'base64.b32decode("0E======", map01=b"L")')
_t(lambda: base64.b32decode(""), 'base64.b32decode("")')
