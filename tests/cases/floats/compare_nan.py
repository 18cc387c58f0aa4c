nan = float('nan')
inf = float('inf')
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 10**400, -inf < -10**400)
print(1.0 == 1, 2**53 + 1 == float(2**53 + 1), 0.5 < 1, [nan] == [nan])
x = nan
print(x is x, [x] == [x])
