import base64, binascii
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: base64.b64decode("aGVs bG8=\n"), 'base64.b64decode("aGVs bG8=\\n")')
_t(lambda: base64.b64decode("aGVs bG8=", validate=True), 'base64.b64decode("aGVs bG8=", validate=True)')
_t(lambda: base64.b64decode("aGVs!bG8="), 'base64.b64decode("aGVs!bG8=")')
_t(lambda: base64.b64decode("aGVsbG8=extra"), 'base64.b64decode("aGVsbG8=extra")')
_t(lambda: base64.b64decode("aGVsbG8=="), 'base64.b64decode("aGVsbG8==")')
_t(lambda: base64.b64decode("aG=VsbG8="), 'base64.b64decode("aG=VsbG8=")')
_t(lambda: base64.b64decode("=aGVsbG8"), 'base64.b64decode("=aGVsbG8")')
