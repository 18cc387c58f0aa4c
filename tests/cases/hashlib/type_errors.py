import hashlib
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for bad in ['abc', '', 1, None, [], 1.5, (b'a',)]:
    t(lambda: hashlib.sha256(bad))
    t(lambda: hashlib.md5().update(bad))
    t(lambda: hashlib.new('sha1', bad))
