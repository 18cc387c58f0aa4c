print(10**20 + 0.5, 2**53 + 1.0, 1 + 2.0, 7 // 2.0, 7 % 2.5, 2 ** 0.5)
print(10**400 > 1e308, 10**400 < float('inf'))
try:
    float(10**400)
except OverflowError as e:
    print(e)
