import base64, binascii
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: base64.b64encode(b"hello world"), 'base64.b64encode(b"hello world")')
_t(lambda: base64.b64encode(b""), 'base64.b64encode(b"")')
_t(lambda: base64.b64encode(b"a"), 'base64.b64encode(b"a")')
_t(lambda: base64.b64encode(b"ab"), 'base64.b64encode(b"ab")')
_t(lambda: base64.b64encode("abc"), 'base64.b64encode("abc")')
_t(lambda: base64.b64encode(b"\xff\xfe\xfd", altchars=b"-_"), 'base64.b64encode(b"\\xff\\xfe\\xfd", altchars=b"-_")')
_t(lambda: base64.b64encode(b"\xff\xfe\xfd", b"-_"), 'base64.b64encode(b"\\xff\\xfe\\xfd", b"-_")')
_t(lambda: base64.b64encode(b"\xfb\xff", b"-"), 'base64.b64encode(b"\\xfb\\xff", b"-")')
