import string
print(string.capwords("the quick  brown\tfox"))
print(string.capwords("ÉCOLE élève ñandú"))
print(string.capwords("a-b c-d", "-"))
print(string.capwords("x,,y", ","))
print(repr(string.capwords("")), repr(string.capwords("   ")))
print(string.capwords("o'neil mcdonald"))
try:
    string.capwords(None)
except AttributeError as e:
    print("AttributeError", e)
