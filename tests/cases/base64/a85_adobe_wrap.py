import base64
for d in [b'', b'\0', b'\0\0\0\0', b'\0\0\0\0\0', b'    ', b'     ', b'a', b'ab', b'abc', b'abcd', b'abcde', b'\xff\xff\xff\xff', b'hello world!!', bytes(range(256))]:
    print(base64.a85encode(d, adobe=True), base64.a85encode(d, wrapcol=7), base64.a85encode(d, wrapcol=5, adobe=True))
    print(base64.a85encode(d, foldspaces=True, adobe=True, wrapcol=3))
for w in [1, 2, 3, 4, 10, 0, -5, True, 0.5, 10**30, 2.0, 2.5]:
    for adobe in (False, True):
        try:
            print(w, adobe, base64.a85encode(b'hello world', wrapcol=w, adobe=adobe))
        except TypeError as e:
            print(w, adobe, type(e).__name__, e)
print(base64.a85encode(b'', wrapcol=3, adobe=True), base64.a85encode(b'', wrapcol=3))
