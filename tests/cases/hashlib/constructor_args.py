import hashlib
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: hashlib.md5(string=b'x').hexdigest())
t(lambda: hashlib.md5(b'x', usedforsecurity=False).hexdigest())
t(lambda: hashlib.sha256(usedforsecurity=[], string=b'a').hexdigest())
t(lambda: hashlib.md5(data=b'x'))
t(lambda: hashlib.md5(b'x', b'y'))
t(lambda: hashlib.sha256(b'', string=b''))
t(lambda: hashlib.md5(b'x', foo=1))
t(lambda: hashlib.md5(1, usedforsecurity=True, string=1))
t(lambda: hashlib.sha1().hexdigest())
