print("never")
x = """abc
def
