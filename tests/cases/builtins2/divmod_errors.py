try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(e)
try:
    divmod('a', 1)
except TypeError as e:
    print(e)
