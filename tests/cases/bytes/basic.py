b = b'hello\x00\xff'
print(b, len(b), b[0], b[-1], b[1:3], list(b[:3]), b + b'!', b * 2, b'll' in b, 104 in b)
print(bytes(3), bytes([65, 66]), bytes('é', 'utf-8'), b'abc'.hex(), bytes.fromhex('41 42'), b'a,b'.split(b','))
print(b'Hello'.upper(), b'  x '.strip(), b'abc'.startswith(b'ab'), b'abcabc'.count(b'b'), b'abc'.find(b'c'), b'x'.join([b'a', b'b']))
print(b'abc' == b'abc', b'a' < b'b', repr(b"it's"), b'\t\n\r\\', b'abc'.decode('ascii'), b'abc'.replace(b'b', b'B'))
