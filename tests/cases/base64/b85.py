import base64
for d in [b'', b'\0', b'\0\0\0\0', b'\0\0\0\0\0', b'    ', b'     ', b'a', b'ab', b'abc', b'abcd', b'abcde', b'\xff\xff\xff\xff', b'hello world!!', bytes(range(256))]:
    e, p = base64.b85encode(d), base64.b85encode(d, pad=True)
    print(e, p, base64.b85decode(e) == d, base64.b85decode(p)[:len(d)] == d)
