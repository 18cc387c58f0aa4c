import base64, random
r = random.Random(85)
ok = True
for n in range(0, 120):
    d = r.randbytes(n)
    ok = ok and base64.b85decode(base64.b85encode(d)) == d
    ok = ok and base64.a85decode(base64.a85encode(d)) == d
    ok = ok and base64.a85decode(base64.a85encode(d, foldspaces=True, wrapcol=9, adobe=True), foldspaces=True, adobe=True) == d
print(ok)
print(base64.b85encode(r.randbytes(30)), base64.a85encode(r.randbytes(30)))
