print(pow(3, 4, 5), pow(2, 100, 1000000007), pow(-3, 3, 7), pow(3, -1, 7))
print(pow(2, -2), 2 ** -1, (-2) ** 3, 0 ** 0)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
