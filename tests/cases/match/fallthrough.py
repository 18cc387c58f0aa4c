# No case matches: nothing runs, nothing is bound.
match 42:
    case 1:
        print("one")
    case [x]:
        print("list")
    case {"k": y}:
        print("dict")
print("after")
try:
    print(x)
except NameError as e:
    print("NameError:", e)

def local():
    match "s":
        case [q]:
            pass
    try:
        return q
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(local())

def single_case(v):
    match v:
        case 1:
            return "one"
    return "none matched"
print(single_case(1), single_case(2))
