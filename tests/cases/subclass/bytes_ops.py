class B(bytes): pass
b = B(b"hello")
print(b[0], b[-1:], b.find(b"l"), b.replace(b"l", b"L"), b.startswith(b"he"), b.upper(), bytes.upper(b))
print(b"%s!" % b, b.join([b"a", b"b"]), b"-".join([B(b"x"), B(b"y")]), b.split(b"l"), hash(b) == hash(b"hello"))
print(int(B(b"42")), float(B(b"1.5")), B(), B(b"x") * 3, {b: 1}[b"hello"], b < b"z", sorted([B(b"b"), b"a"]))
