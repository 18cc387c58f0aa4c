try:
    int('9' * 5000)
except ValueError as e:
    print(e)
try:
    str(10 ** 5000)
except ValueError as e:
    print(e)
print(len(str(10 ** 4000)))
