print(isinstance(3, (str, (list, int))), isinstance(True, int), isinstance(3.0, int), isinstance(None, type(None)))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
