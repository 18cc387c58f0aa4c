print("before")
match 5:
    case len():
        pass
print("never printed")
