import base64
for d in [b'', b'\0', b'\0\0\0\0', b'\0\0\0\0\0', b'    ', b'     ', b'a', b'ab', b'abc', b'abcd', b'abcde', b'\xff\xff\xff\xff', b'hello world!!', bytes(range(256))]:
    print(base64.a85encode(d), base64.a85encode(d, pad=True), base64.a85encode(d, foldspaces=True))
