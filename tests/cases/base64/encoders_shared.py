# the base64/32/16 encoders and binascii.hexlify on the same inputs
import base64, binascii
for n in range(12):
    d = bytes((7 * i + n) % 256 for i in range(n))
    print(base64.b64encode(d), base64.urlsafe_b64encode(d), base64.b64encode(d, b'*-'), base64.b32encode(d))
    print(base64.b32hexencode(d), base64.b16encode(d), binascii.hexlify(d), binascii.b2a_base64(d))
print(base64.encodebytes(bytes(range(200))))
