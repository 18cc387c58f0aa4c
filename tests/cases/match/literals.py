def kind(v):
    match v:
        case 0:
            return "zero"
        case 1:
            return "one"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case -0.5:
            return "minus half"
        case "hello":
            return "greeting"
        case "":
            return "empty str"
        case b"raw":
            return "bytes raw"
        case 10_000_000_000_000_000_000:
            return "huge"
        case 0x10:
            return "sixteen"
        case "con" "cat":
            return "concatenated"
        case _:
            return "other"

for v in [0, 1, -1, 2.5, -0.5, "hello", "", b"raw", "raw", 10**22, 16, "concat", 0.0, 1.0, True, False, -0.0, 2, None, [], b"", 16.0]:
    print(repr(v), "->", kind(v))
