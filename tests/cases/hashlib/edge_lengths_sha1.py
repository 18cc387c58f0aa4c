# padding boundaries: 55/56 and 111/112 bytes, block sizes 64 and 128
import hashlib
for n in [0, 1, 3, 55, 56, 57, 63, 64, 65, 111, 112, 113, 119, 120, 127, 128, 129, 191, 192, 255, 256]:
    for fill in (b'a', b'\x00', b'\xff'):
        print(n, fill, hashlib.sha1(fill * n).hexdigest())
