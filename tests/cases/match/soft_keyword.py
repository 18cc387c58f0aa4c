# match, case and _ stay ordinary names.
match = 5
print(match)
case = [1, 2]
print(case)
_ = 3
print(_)
match = {"case": 1}
print(match["case"])
def match(*args):
    return args
print(match(1, 2))
print(match (3))
match = [0, 1]
match[0] = 9
print(match)
match: int = 4
print(match)
match, case = 1, 2
print(match, case)
match -1:
    case -1:
        print("a match statement on -1")
def case(x):
    return x * 2
print(case(21))
match case:
    case _:
        print("match on a variable named case")
match match:
    case match:
        print("capture named match:", match)
