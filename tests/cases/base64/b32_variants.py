import base64
for b in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar"]:
    print(b, base64.b32encode(b), base64.b32hexencode(b), base64.b16encode(b))
print(base64.b32decode(b"MZXW6YTBOI======"), base64.b32hexdecode(b"cpnmuoj1e8======", casefold=True))
for bad in ["MZXW6YTB", "MZXW6YT=", "MZXW6Y==", "MZ======", "1ZXW6YTB"]:
    try:
        print(base64.b32decode(bad))
    except Exception as e:
        print(type(e).__name__, e)
