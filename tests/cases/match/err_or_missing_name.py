print("never printed")
match 1:
    case {"a": 1} | {"a": x}:
        pass
