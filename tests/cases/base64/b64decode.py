import base64, binascii
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: base64.b64decode(b"aGVsbG8gd29ybGQ="), 'base64.b64decode(b"aGVsbG8gd29ybGQ=")')
_t(lambda: base64.b64decode("aGVsbG8gd29ybGQ="), 'base64.b64decode("aGVsbG8gd29ybGQ=")')
_t(lambda: base64.b64decode("aGVsbG8gd29ybGQ"), 'base64.b64decode("aGVsbG8gd29ybGQ")')
_t(lambda: base64.b64decode("aGVsbG8gd29ybG"), 'base64.b64decode("aGVsbG8gd29ybG")')
_t(lambda: base64.b64decode("aGVsbG8gd29yb"), 'base64.b64decode("aGVsbG8gd29yb")')
_t(lambda: base64.b64decode("a"), 'base64.b64decode("a")')
