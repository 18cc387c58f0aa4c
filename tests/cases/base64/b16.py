import base64, binascii
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: base64.b32hexencode(b"hello"), 'base64.b32hexencode(b"hello")')
_t(lambda: base64.b32hexdecode("D1IMOR3F"), 'base64.b32hexdecode("D1IMOR3F")')
_t(lambda: base64.b16encode(b"\x01\xab\xff"), 'base64.b16encode(b"\\x01\\xab\\xff")')
_t(lambda: base64.b16decode("01ABFF"), 'base64.b16decode("01ABFF")')
_t(lambda: base64.b16decode("01abff"), 'base64.b16decode("01abff")')
_t(lambda: base64.b16decode("01abff", casefold=True), 'base64.b16decode("01abff", casefold=True)')
_t(lambda: base64.b16decode("01A"), 'base64.b16decode("01A")')
_t(lambda: base64.b16decode("0G"), 'base64.b16decode("0G")')
