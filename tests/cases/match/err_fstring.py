x = 1
match 1:
    case f"{x}":
        pass
