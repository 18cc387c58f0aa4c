import base64, binascii
for s in ["abc", "abcde", "ab!c=", "====", "Zm9v\nYmFy", "Zm9vYmFy====", "Zm9=vYmFy"]:
    for v in (False, True):
        try:
            print(repr(s), v, base64.b64decode(s, validate=v))
        except binascii.Error as e:
            print(repr(s), v, "binascii.Error", e, isinstance(e, ValueError))
try:
    base64.b64decode("x", altchars="-")
except AssertionError as e:
    print("AssertionError", e)
try:
    base64.b64encode(None)
except TypeError as e:
    print("TypeError", e)
