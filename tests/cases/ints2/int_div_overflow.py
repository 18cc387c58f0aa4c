try:
    print(2**5000 / 3)
except OverflowError as e:
    print(e)
