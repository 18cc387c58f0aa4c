try:
    print('bytes("a", None)', '->', repr(bytes("a", None)))
except Exception as e:
    print('bytes("a", None)', '!!', type(e).__name__, e)
try:
    print('b"a".decode(None)', '->', repr(b"a".decode(None)))
except Exception as e:
    print('b"a".decode(None)', '!!', type(e).__name__, e)
try:
    print('str(b"a", None)', '->', repr(str(b"a", None)))
except Exception as e:
    print('str(b"a", None)', '!!', type(e).__name__, e)
try:
    print('(1).to_bytes(1, None)', '->', repr((1).to_bytes(1, None)))
except Exception as e:
    print('(1).to_bytes(1, None)', '!!', type(e).__name__, e)
try:
    print('bytes.fromhex(None)', '->', repr(bytes.fromhex(None)))
except Exception as e:
    print('bytes.fromhex(None)', '!!', type(e).__name__, e)
try:
    print('format(1, None)', '->', repr(format(1, None)))
except Exception as e:
    print('format(1, None)', '!!', type(e).__name__, e)
try:
    print('"a".encode(None)', '->', repr("a".encode(None)))
except Exception as e:
    print('"a".encode(None)', '!!', type(e).__name__, e)
try:
    print('"a".encode("utf-8", None)', '->', repr("a".encode("utf-8", None)))
except Exception as e:
    print('"a".encode("utf-8", None)', '!!', type(e).__name__, e)
try:
    print('"a".removeprefix(None)', '->', repr("a".removeprefix(None)))
except Exception as e:
    print('"a".removeprefix(None)', '!!', type(e).__name__, e)
try:
    print('"a".removesuffix(None)', '->', repr("a".removesuffix(None)))
except Exception as e:
    print('"a".removesuffix(None)', '!!', type(e).__name__, e)
try:
    print('"ab".replace(None, "")', '->', repr("ab".replace(None, "")))
except Exception as e:
    print('"ab".replace(None, "")', '!!', type(e).__name__, e)
try:
    print('"ab".replace("a", None)', '->', repr("ab".replace("a", None)))
except Exception as e:
    print('"ab".replace("a", None)', '!!', type(e).__name__, e)
try:
    print('"a".split(None, None)', '->', repr("a".split(None, None)))
except Exception as e:
    print('"a".split(None, None)', '!!', type(e).__name__, e)
try:
    print('"a".strip(1)', '->', repr("a".strip(1)))
except Exception as e:
    print('"a".strip(1)', '!!', type(e).__name__, e)
try:
    print('"a".join([None])', '->', repr("a".join([None])))
except Exception as e:
    print('"a".join([None])', '!!', type(e).__name__, e)
try:
    print('"a".startswith(None)', '->', repr("a".startswith(None)))
except Exception as e:
    print('"a".startswith(None)', '!!', type(e).__name__, e)
try:
    print('"a".center(3, None)', '->', repr("a".center(3, None)))
except Exception as e:
    print('"a".center(3, None)', '!!', type(e).__name__, e)
try:
    print('"a".find(None)', '->', repr("a".find(None)))
except Exception as e:
    print('"a".find(None)', '!!', type(e).__name__, e)
try:
    print('"a".count(None)', '->', repr("a".count(None)))
except Exception as e:
    print('"a".count(None)', '!!', type(e).__name__, e)
try:
    print('"a".partition(None)', '->', repr("a".partition(None)))
except Exception as e:
    print('"a".partition(None)', '!!', type(e).__name__, e)
try:
    print('"a".zfill(None)', '->', repr("a".zfill(None)))
except Exception as e:
    print('"a".zfill(None)', '!!', type(e).__name__, e)
try:
    print('"a".expandtabs(None)', '->', repr("a".expandtabs(None)))
except Exception as e:
    print('"a".expandtabs(None)', '!!', type(e).__name__, e)
try:
    print('"a".ljust(None)', '->', repr("a".ljust(None)))
except Exception as e:
    print('"a".ljust(None)', '!!', type(e).__name__, e)
try:
    print('int("1", None)', '->', repr(int("1", None)))
except Exception as e:
    print('int("1", None)', '!!', type(e).__name__, e)
try:
    print('"a" + None', '->', repr("a" + None))
except Exception as e:
    print('"a" + None', '!!', type(e).__name__, e)
try:
    print('(1).__format__(None)', '->', repr((1).__format__(None)))
except Exception as e:
    print('(1).__format__(None)', '!!', type(e).__name__, e)
try:
    print('(1.0).__format__(None)', '->', repr((1.0).__format__(None)))
except Exception as e:
    print('(1.0).__format__(None)', '!!', type(e).__name__, e)
try:
    print('object().__format__(None)', '->', repr(object().__format__(None)))
except Exception as e:
    print('object().__format__(None)', '!!', type(e).__name__, e)
try:
    print('int.from_bytes(b"a", None)', '->', repr(int.from_bytes(b"a", None)))
except Exception as e:
    print('int.from_bytes(b"a", None)', '!!', type(e).__name__, e)
try:
    print('b"a".decode("utf-8", None)', '->', repr(b"a".decode("utf-8", None)))
except Exception as e:
    print('b"a".decode("utf-8", None)', '!!', type(e).__name__, e)
try:
    print('bytes("a", "utf-8", None)', '->', repr(bytes("a", "utf-8", None)))
except Exception as e:
    print('bytes("a", "utf-8", None)', '!!', type(e).__name__, e)
