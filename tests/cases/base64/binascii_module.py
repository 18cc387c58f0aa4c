import binascii
print(binascii.hexlify(b"\x00\x10\xff"), binascii.b2a_hex(b"ab"), binascii.a2b_hex(b"6162"))
for bad in ["zz", "abc", "0g"]:
    try:
        binascii.unhexlify(bad)
    except binascii.Error as e:
        print("Error", e)
print(binascii.crc32(b""), binascii.crc32(b"abc"), binascii.crc32(b"c", binascii.crc32(b"ab")))
print(binascii.b2a_base64(b"\xff" * 5), binascii.a2b_base64(b"//8=", strict_mode=True))
try:
    binascii.a2b_base64("=//8", strict_mode=True)
except binascii.Error as e:
    print("Error", e)
print(binascii.Error.__mro__[1].__name__)
