print(int('42'), int('  -17  '), int('0x1f', 16), int('ff', 16), int('0b101', 0), int('1_000'))
print(int(3.9), int(-3.9), int(True), int('z', 36), int('0o17', 8))
for bad in ['abc', '', '1.5', '0x']:
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    int('12', 1)
except ValueError as e:
    print(e)
