class B(bytes):
    def first(self):
        return self[0]
b = B(b"abc")
print(b, repr(b), type(b).__name__, b.first(), len(b), b + b"d", type(b + b"d").__name__, b[1:], b.upper())
print(b == b"abc", hash(b) == hash(b"abc"), b"b" in b, list(b), b.decode(), B([65, 66]), B(3), B("hi", "ascii"))
print(isinstance(b, bytes), b.hex(), bytes(b), type(bytes(b)).__name__, b * 2, b.split(b"b"))
