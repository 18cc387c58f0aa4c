try:
    {}.popitem()
except KeyError as e:
    print(e)
