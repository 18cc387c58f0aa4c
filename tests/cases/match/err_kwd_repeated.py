print("never printed")
match 1:
    case int(real=a, real=b):
        pass
