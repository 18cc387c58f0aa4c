calls = []
def subject():
    calls.append(1)
    return [1, 2, 3]

match subject():
    case [1]:
        print("no")
    case [1, 2]:
        print("no")
    case (1, 2) | [1, 2, 4]:
        print("no")
    case [a, *b]:
        print("yes", a, b)
print("subject evaluated", len(calls), "time(s)")

# tuple subjects
a, b = 1, 2
match a, b:
    case (1, 2):
        print("tuple subject")
match *[1, 2], 3:
    case [1, 2, 3]:
        print("starred subject")
match (n := 10):
    case 10:
        print("walrus subject", n)
