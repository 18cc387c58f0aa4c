print((1, 'a') < (1, 'b'), (1, 2) < (1, 2, 3), (2,) > (1, 9))
try:
    (1, 'a') < (1, 2)
except TypeError as e:
    print(e)
