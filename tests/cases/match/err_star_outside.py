print("never printed")
match 1:
    case *a:
        pass
