print("never printed")
match 1:
    case {"a": [x, *rest], "b": {"c": x}}:
        pass
