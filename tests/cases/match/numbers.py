def n(v):
    match v:
        case 0:
            return "zero"
        case 1e3:
            return "thousand"
        case -2**0 if False:
            return "unreachable"
        case 1.5:
            return "one and a half"
        case 123456789012345678901234567890:
            return "big"
        case -123456789012345678901234567890:
            return "negative big"
        case _:
            return "other"

for v in [0, 0.0, -0.0, False, 1000, 1000.0, 1.5, 3/2, 123456789012345678901234567890,
          -123456789012345678901234567890, float("nan"), float("inf"), 10**40]:
    print(repr(v), n(v))

nan = float("nan")
match nan:
    case float(x) if x != x:
        print("nan never equals itself")
