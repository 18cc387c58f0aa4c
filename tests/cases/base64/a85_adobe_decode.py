import base64
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: base64.a85decode(b'<~87cURD]i,"Ebo80~>', adobe=True))
t(lambda: base64.a85decode(b'87cURD]i,"Ebo80~>', adobe=True))
t(lambda: base64.a85decode(b'<~87cURD]i,"Ebo80', adobe=True))
t(lambda: base64.a85decode(b'<~>', adobe=True))
t(lambda: base64.a85decode(b'~>', adobe=True))
t(lambda: base64.a85decode(b'<~~>', adobe=True))
t(lambda: base64.a85decode(b'>', adobe=True))
t(lambda: base64.a85decode('<~@:E^~>', adobe=True))
t(lambda: base64.a85decode(b'<~@:E\n^~>', adobe=True))
