try:
    1 in 'abc'
except TypeError as e:
    print(e)
