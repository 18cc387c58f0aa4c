print("never printed")
match {}:
    case {"type": "a", "pos": p, "type": "b"}:
        pass
