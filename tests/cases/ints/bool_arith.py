print(True + True, True * 10, -True, ~True, True & False, True | False, True ^ True)
print(type(True & False), type(True + 1), isinstance(True, int), True == 1, False == 0)
print(bool(0), bool(3), bool(-1), int(False))
