try:
    'a'.partition('')
except ValueError as e:
    print(e)
