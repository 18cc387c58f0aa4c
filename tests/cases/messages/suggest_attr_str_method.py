text = "a,b"
print(text.spilt(","))
