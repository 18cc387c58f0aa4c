import base64
data = bytes(range(256)) * 3
for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
                 (base64.b32encode, base64.b32decode), (base64.b32hexencode, base64.b32hexdecode),
                 (base64.b16encode, base64.b16decode), (base64.encodebytes, base64.decodebytes)]:
    for n in (0, 1, 2, 3, 4, 5, 6, 7, 57, 58, 300):
        e = enc(data[:n])
        assert dec(e) == data[:n], (enc, n)
    print(enc.__name__, enc(data[:10]))
