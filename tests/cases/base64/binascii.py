import base64, binascii
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: base64.encodebytes(b"x" * 60), 'base64.encodebytes(b"x" * 60)')
_t(lambda: base64.decodebytes(b"eHh4\neHh4\n"), 'base64.decodebytes(b"eHh4\\neHh4\\n")')
_t(lambda: base64.encodebytes("x"), 'base64.encodebytes("x")')
_t(lambda: binascii.hexlify(b"\x01\xff"), 'binascii.hexlify(b"\\x01\\xff")')
_t(lambda: binascii.unhexlify("01ff"), 'binascii.unhexlify("01ff")')
_t(lambda: binascii.unhexlify("01f"), 'binascii.unhexlify("01f")')
_t(lambda: binascii.b2a_base64(b"hi"), 'binascii.b2a_base64(b"hi")')
_t(lambda: binascii.b2a_base64(b"hi", newline=False), 'binascii.b2a_base64(b"hi", newline=False)')
_t(lambda: binascii.a2b_base64("aGk="), 'binascii.a2b_base64("aGk=")')
_t(lambda: binascii.crc32(b"hello"), 'binascii.crc32(b"hello")')
_t(lambda: issubclass(binascii.Error, ValueError), 'issubclass(binascii.Error, ValueError)')
_t(lambda: binascii.Error.__name__, 'binascii.Error.__name__')
