try:
    print(1e308 * 10, 10.0 ** 400)
except OverflowError as e:
    print(e)
