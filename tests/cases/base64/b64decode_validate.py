import base64, binascii
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: base64.b64decode("aGVsbG8=", validate=True), 'base64.b64decode("aGVsbG8=", validate=True)')
_t(lambda: base64.b64decode("aGVsbG8===", validate=True), 'base64.b64decode("aGVsbG8===", validate=True)')
_t(lambda: base64.b64decode("aGVsbG8", validate=True), 'base64.b64decode("aGVsbG8", validate=True)')
_t(lambda: base64.b64decode("héllo"), 'base64.b64decode("héllo")')
_t(lambda: base64.b64decode(5), 'base64.b64decode(5)')
_t(lambda: base64.b64decode(b"-_8=", altchars=b"-_"), 'base64.b64decode(b"-_8=", altchars=b"-_")')
_t(lambda: base64.b64decode(b"+/8="), 'base64.b64decode(b"+/8=")')
_t(lambda: base64.b64decode(""), 'base64.b64decode("")')
_t(lambda: base64.b64decode("===="), 'base64.b64decode("====")')
_t(lambda: base64.b64decode("ab==cd=="), 'base64.b64decode("ab==cd==")')
_t(lambda: base64.b64decode("abc=d"), 'base64.b64decode("abc=d")')
_t(lambda: base64.b64decode("ab=c"), 'base64.b64decode("ab=c")')
