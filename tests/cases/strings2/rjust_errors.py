try:
    'a'.rjust(5, 'xy')
except TypeError as e:
    print(e)
