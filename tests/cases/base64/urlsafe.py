import base64, binascii
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: base64.standard_b64encode(b"x"), 'base64.standard_b64encode(b"x")')
_t(lambda: base64.standard_b64decode("eA=="), 'base64.standard_b64decode("eA==")')
_t(lambda: base64.urlsafe_b64encode(b"\xfb\xff\xfe"), 'base64.urlsafe_b64encode(b"\\xfb\\xff\\xfe")')
_t(lambda: base64.urlsafe_b64decode("-__-"), 'base64.urlsafe_b64decode("-__-")')
_t(lambda: base64.urlsafe_b64decode(b"-__+"), 'base64.urlsafe_b64decode(b"-__+")')
