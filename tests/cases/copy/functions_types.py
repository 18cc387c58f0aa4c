import copy
def f():
    return 1
class C:
    pass
items = [f, C, len, int, None, Ellipsis, 3, "s"]
print(all(copy.copy(v) is v for v in items), all(copy.deepcopy(v) is v for v in items))
print(copy.deepcopy({"fn": f})["fn"] is f)
big = 10 ** 50
print(copy.deepcopy(big) is big)
