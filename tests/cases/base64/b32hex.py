import base64
for d in [b'', b'a', b'ab', b'abc', b'abcd', b'abcde', b'abcdef', b'\xff' * 7]:
    e = base64.b32hexencode(d)
    print(e, base64.b32hexdecode(e) == d, base64.b32hexdecode(e.lower(), casefold=True) == d)
for bad in [b'0', b'W0======', b'00======x']:
    try:
        base64.b32hexdecode(bad)
    except Exception as e:
        print(type(e).__name__, e)
