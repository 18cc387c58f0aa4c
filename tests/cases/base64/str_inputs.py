import base64
print(base64.b64decode("SGk="), base64.b32decode("JBUQ===="), base64.b16decode("4869"))
for f in (base64.b64decode, base64.b32decode, base64.b16decode, base64.urlsafe_b64decode):
    try:
        f("ñ")
    except ValueError as e:
        print(f.__name__, "ValueError", e)
    try:
        f(123)
    except TypeError as e:
        print(f.__name__, "TypeError", e)
for f in (base64.b64encode, base64.b32encode, base64.b16encode, base64.encodebytes):
    try:
        f("text")
    except TypeError as e:
        print(f.__name__, "TypeError", e)
