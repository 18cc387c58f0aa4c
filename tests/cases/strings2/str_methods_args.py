try:
    'a'.split(1)
except TypeError as e:
    print(e)
try:
    'a'.replace(1, 2)
except TypeError as e:
    print(e)
