import base64, binascii
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: base64.b32encode(b"hello"), 'base64.b32encode(b"hello")')
_t(lambda: base64.b32encode(b""), 'base64.b32encode(b"")')
_t(lambda: base64.b32encode(b"a"), 'base64.b32encode(b"a")')
_t(lambda: base64.b32encode(b"ab"), 'base64.b32encode(b"ab")')
_t(lambda: base64.b32encode(b"abc"), 'base64.b32encode(b"abc")')
_t(lambda: base64.b32encode(b"abcd"), 'base64.b32encode(b"abcd")')
_t(lambda: base64.b32encode("x"), 'base64.b32encode("x")')
_t(lambda: base64.b32decode("NBSWY3DP"), 'base64.b32decode("NBSWY3DP")')
_t(lambda: base64.b32decode("ME======"), 'base64.b32decode("ME======")')
_t(lambda: base64.b32decode("MFRA===="), 'base64.b32decode("MFRA====")')
_t(lambda: base64.b32decode("MFRGG==="), 'base64.b32decode("MFRGG===")')
_t(lambda: base64.b32decode("MFRGGZA="), 'base64.b32decode("MFRGGZA=")')
