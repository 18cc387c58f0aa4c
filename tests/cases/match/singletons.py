# None/True/False compare by identity; other literals by ==.
def s(v):
    match v:
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case 1:
            return "one (==)"
        case 0:
            return "zero (==)"
        case _:
            return "other"

for v in [None, True, False, 1, 0, 1.0, 0.0, [], "", ()]:
    print(repr(v), s(v))

def eq1(v):
    match v:
        case 1:
            return True
    return False

print(eq1(True), eq1(1.0), eq1(1), eq1("1"))
