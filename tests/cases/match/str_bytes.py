def sb(v):
    match v:
        case "abc":
            return "str abc"
        case b"abc":
            return "bytes abc"
        case "\u00e9t\u00e9":
            return "unicode"
        case "\n":
            return "newline"
        case r"\n":
            return "raw backslash n"
        case str() if len(v) > 3:
            return "long str"
        case _:
            return "other"

for v in ["abc", b"abc", "été", "\n", "\\n", "abcd", b"abcd", "ab"]:
    print(repr(v), sb(v))

# strings are not sequences for patterns, even one-character ones
match "a":
    case [c]:
        print("no")
    case str(c):
        print("str", c)
