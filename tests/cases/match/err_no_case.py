print("never printed")
match 1:
    pass
