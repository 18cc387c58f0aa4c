import string
text = "Hello, World! 123 go_fast?"
print("".join(c for c in text if c in string.ascii_letters))
print(sum(c in string.digits for c in text), sum(c in string.punctuation for c in text))
print(text.translate(str.maketrans("", "", string.punctuation)))
print(len(string.printable), string.printable[-6:] == string.whitespace)
print(all(c in string.hexdigits for c in "deadBEEF"), "9" in string.octdigits)
print(string.ascii_uppercase.index("K"), string.ascii_lowercase[::5])
