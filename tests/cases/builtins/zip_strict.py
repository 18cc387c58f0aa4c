print(list(zip([1, 2], 'ab', strict=True)))
try:
    list(zip([1, 2], 'abc', strict=True))
except ValueError as e:
    print(e)
print(list(zip()), list(zip([1])))
