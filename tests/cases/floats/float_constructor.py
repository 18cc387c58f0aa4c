print(float('1.5'), float('  -2.5e3 '), float('inf'), float('-Infinity'), float('nan'), float(3), float('1_0.5'))
try:
    float('abc')
except ValueError as e:
    print(e)
print(float(True), float(2**70))
