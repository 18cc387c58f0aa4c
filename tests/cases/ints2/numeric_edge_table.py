try:
    print("float('1e500')", '->', repr(float('1e500')))
except Exception as e:
    print("float('1e500')", '!!', type(e).__name__, e)
try:
    print("float('-1e500')", '->', repr(float('-1e500')))
except Exception as e:
    print("float('-1e500')", '!!', type(e).__name__, e)
try:
    print("int('  1_0  ')", '->', repr(int('  1_0  ')))
except Exception as e:
    print("int('  1_0  ')", '!!', type(e).__name__, e)
try:
    print("float('infinity')", '->', repr(float('infinity')))
except Exception as e:
    print("float('infinity')", '!!', type(e).__name__, e)
try:
    print("float('-nan')", '->', repr(float('-nan')))
except Exception as e:
    print("float('-nan')", '!!', type(e).__name__, e)
try:
    print("float('  +.5  ')", '->', repr(float('  +.5  ')))
except Exception as e:
    print("float('  +.5  ')", '!!', type(e).__name__, e)
try:
    print("float('1_000.5')", '->', repr(float('1_000.5')))
except Exception as e:
    print("float('1_000.5')", '!!', type(e).__name__, e)
try:
    print('round(1e300)', '->', repr(round(1e300)))
except Exception as e:
    print('round(1e300)', '!!', type(e).__name__, e)
try:
    print("round(float('inf'))", '->', repr(round(float('inf'))))
except Exception as e:
    print("round(float('inf'))", '!!', type(e).__name__, e)
try:
    print("round(float('nan'))", '->', repr(round(float('nan'))))
except Exception as e:
    print("round(float('nan'))", '!!', type(e).__name__, e)
try:
    print('round(2.5, 0)', '->', repr(round(2.5, 0)))
except Exception as e:
    print('round(2.5, 0)', '!!', type(e).__name__, e)
try:
    print('round(1234.5678, -2)', '->', repr(round(1234.5678, -2)))
except Exception as e:
    print('round(1234.5678, -2)', '!!', type(e).__name__, e)
try:
    print('round(-0.5)', '->', repr(round(-0.5)))
except Exception as e:
    print('round(-0.5)', '!!', type(e).__name__, e)
try:
    print('round(0.5, 5)', '->', repr(round(0.5, 5)))
except Exception as e:
    print('round(0.5, 5)', '!!', type(e).__name__, e)
try:
    print('round(1e-300, 400)', '->', repr(round(1e-300, 400)))
except Exception as e:
    print('round(1e-300, 400)', '!!', type(e).__name__, e)
try:
    print('int(1e300)', '->', repr(int(1e300)))
except Exception as e:
    print('int(1e300)', '!!', type(e).__name__, e)
try:
    print('float(2**1024)', '->', repr(float(2**1024)))
except Exception as e:
    print('float(2**1024)', '!!', type(e).__name__, e)
try:
    print('2**1024 / 1', '->', repr(2**1024 / 1))
except Exception as e:
    print('2**1024 / 1', '!!', type(e).__name__, e)
try:
    print('10**400 / 10**399', '->', repr(10**400 / 10**399))
except Exception as e:
    print('10**400 / 10**399', '!!', type(e).__name__, e)
try:
    print('(10**30 + 1) / 10**30', '->', repr((10**30 + 1) / 10**30))
except Exception as e:
    print('(10**30 + 1) / 10**30', '!!', type(e).__name__, e)
try:
    print('7 / 2**1100', '->', repr(7 / 2**1100))
except Exception as e:
    print('7 / 2**1100', '!!', type(e).__name__, e)
try:
    print('2**1100 / 7', '->', repr(2**1100 / 7))
except Exception as e:
    print('2**1100 / 7', '!!', type(e).__name__, e)
try:
    print('1 / 3 * 3', '->', repr(1 / 3 * 3))
except Exception as e:
    print('1 / 3 * 3', '!!', type(e).__name__, e)
try:
    print('-7 // 2.0', '->', repr(-7 // 2.0))
except Exception as e:
    print('-7 // 2.0', '!!', type(e).__name__, e)
try:
    print('-7 % 2.0', '->', repr(-7 % 2.0))
except Exception as e:
    print('-7 % 2.0', '!!', type(e).__name__, e)
try:
    print('7 % -2.0', '->', repr(7 % -2.0))
except Exception as e:
    print('7 % -2.0', '!!', type(e).__name__, e)
try:
    print('-0.0 % 1', '->', repr(-0.0 % 1))
except Exception as e:
    print('-0.0 % 1', '!!', type(e).__name__, e)
try:
    print('0.0 % -1', '->', repr(0.0 % -1))
except Exception as e:
    print('0.0 % -1', '!!', type(e).__name__, e)
try:
    print("5 % float('inf')", '->', repr(5 % float('inf')))
except Exception as e:
    print("5 % float('inf')", '!!', type(e).__name__, e)
try:
    print("-5 % float('inf')", '->', repr(-5 % float('inf')))
except Exception as e:
    print("-5 % float('inf')", '!!', type(e).__name__, e)
try:
    print("float('inf') % 5", '->', repr(float('inf') % 5))
except Exception as e:
    print("float('inf') % 5", '!!', type(e).__name__, e)
try:
    print('divmod(5.5, -2)', '->', repr(divmod(5.5, -2)))
except Exception as e:
    print('divmod(5.5, -2)', '!!', type(e).__name__, e)
try:
    print('1e308 * 10', '->', repr(1e308 * 10))
except Exception as e:
    print('1e308 * 10', '!!', type(e).__name__, e)
try:
    print('-1e308 * 10', '->', repr(-1e308 * 10))
except Exception as e:
    print('-1e308 * 10', '!!', type(e).__name__, e)
try:
    print('1e-320', '->', repr(1e-320))
except Exception as e:
    print('1e-320', '!!', type(e).__name__, e)
try:
    print('5e-324 / 2', '->', repr(5e-324 / 2))
except Exception as e:
    print('5e-324 / 2', '!!', type(e).__name__, e)
try:
    print('2.0 ** 0.5', '->', repr(2.0 ** 0.5))
except Exception as e:
    print('2.0 ** 0.5', '!!', type(e).__name__, e)
try:
    print('(-2.0) ** 2', '->', repr((-2.0) ** 2))
except Exception as e:
    print('(-2.0) ** 2', '!!', type(e).__name__, e)
try:
    print('(-2.0) ** 3', '->', repr((-2.0) ** 3))
except Exception as e:
    print('(-2.0) ** 3', '!!', type(e).__name__, e)
try:
    print('0 ** 0', '->', repr(0 ** 0))
except Exception as e:
    print('0 ** 0', '!!', type(e).__name__, e)
try:
    print('0.0 ** 0', '->', repr(0.0 ** 0))
except Exception as e:
    print('0.0 ** 0', '!!', type(e).__name__, e)
try:
    print('2 ** 64', '->', repr(2 ** 64))
except Exception as e:
    print('2 ** 64', '!!', type(e).__name__, e)
try:
    print('float(10**308 * 10)', '->', repr(float(10**308 * 10)))
except Exception as e:
    print('float(10**308 * 10)', '!!', type(e).__name__, e)
try:
    print("int('9' * 30) + 1", '->', repr(int('9' * 30) + 1))
except Exception as e:
    print("int('9' * 30) + 1", '!!', type(e).__name__, e)
try:
    print("int('-' + '9' * 25) // 7", '->', repr(int('-' + '9' * 25) // 7))
except Exception as e:
    print("int('-' + '9' * 25) // 7", '!!', type(e).__name__, e)
try:
    print('10**25 % 7', '->', repr(10**25 % 7))
except Exception as e:
    print('10**25 % 7', '!!', type(e).__name__, e)
try:
    print('-(10**25) % 7', '->', repr(-(10**25) % 7))
except Exception as e:
    print('-(10**25) % 7', '!!', type(e).__name__, e)
try:
    print('10**25 // -7', '->', repr(10**25 // -7))
except Exception as e:
    print('10**25 // -7', '!!', type(e).__name__, e)
try:
    print('divmod(-10**25, 7)', '->', repr(divmod(-10**25, 7)))
except Exception as e:
    print('divmod(-10**25, 7)', '!!', type(e).__name__, e)
try:
    print('pow(10, 25, 7)', '->', repr(pow(10, 25, 7)))
except Exception as e:
    print('pow(10, 25, 7)', '!!', type(e).__name__, e)
try:
    print('pow(-3, 3, 5)', '->', repr(pow(-3, 3, 5)))
except Exception as e:
    print('pow(-3, 3, 5)', '!!', type(e).__name__, e)
try:
    print('pow(2, -1, 5)', '->', repr(pow(2, -1, 5)))
except Exception as e:
    print('pow(2, -1, 5)', '!!', type(e).__name__, e)
try:
    print('pow(2, 0.5, 5)', '->', repr(pow(2, 0.5, 5)))
except Exception as e:
    print('pow(2, 0.5, 5)', '!!', type(e).__name__, e)
try:
    print('pow(0, -1)', '->', repr(pow(0, -1)))
except Exception as e:
    print('pow(0, -1)', '!!', type(e).__name__, e)
try:
    print('abs(-10**20)', '->', repr(abs(-10**20)))
except Exception as e:
    print('abs(-10**20)', '!!', type(e).__name__, e)
try:
    print('-(-2**63)', '->', repr(-(-2**63)))
except Exception as e:
    print('-(-2**63)', '!!', type(e).__name__, e)
try:
    print('2**63 - 1 + 1', '->', repr(2**63 - 1 + 1))
except Exception as e:
    print('2**63 - 1 + 1', '!!', type(e).__name__, e)
try:
    print('-2**63 - 1', '->', repr(-2**63 - 1))
except Exception as e:
    print('-2**63 - 1', '!!', type(e).__name__, e)
try:
    print('(2**63) * (2**63)', '->', repr((2**63) * (2**63)))
except Exception as e:
    print('(2**63) * (2**63)', '!!', type(e).__name__, e)
try:
    print('(-2**63) // -1', '->', repr((-2**63) // -1))
except Exception as e:
    print('(-2**63) // -1', '!!', type(e).__name__, e)
try:
    print('divmod(-2**63, -1)', '->', repr(divmod(-2**63, -1)))
except Exception as e:
    print('divmod(-2**63, -1)', '!!', type(e).__name__, e)
try:
    print('(2**64) >> 1', '->', repr((2**64) >> 1))
except Exception as e:
    print('(2**64) >> 1', '!!', type(e).__name__, e)
try:
    print('1 << 64', '->', repr(1 << 64))
except Exception as e:
    print('1 << 64', '!!', type(e).__name__, e)
try:
    print('-1 << 64', '->', repr(-1 << 64))
except Exception as e:
    print('-1 << 64', '!!', type(e).__name__, e)
try:
    print('(2**64 - 1) & -1', '->', repr((2**64 - 1) & -1))
except Exception as e:
    print('(2**64 - 1) & -1', '!!', type(e).__name__, e)
try:
    print('~(2**64)', '->', repr(~(2**64)))
except Exception as e:
    print('~(2**64)', '!!', type(e).__name__, e)
try:
    print('(2**70) ^ (2**69)', '->', repr((2**70) ^ (2**69)))
except Exception as e:
    print('(2**70) ^ (2**69)', '!!', type(e).__name__, e)
try:
    print("int('0x10', 0)", '->', repr(int('0x10', 0)))
except Exception as e:
    print("int('0x10', 0)", '!!', type(e).__name__, e)
try:
    print("int('010', 0)", '->', repr(int('010', 0)))
except Exception as e:
    print("int('010', 0)", '!!', type(e).__name__, e)
try:
    print("int('0_7', 0)", '->', repr(int('0_7', 0)))
except Exception as e:
    print("int('0_7', 0)", '!!', type(e).__name__, e)
try:
    print("int('1e5')", '->', repr(int('1e5')))
except Exception as e:
    print("int('1e5')", '!!', type(e).__name__, e)
try:
    print("int(' -7 ')", '->', repr(int(' -7 ')))
except Exception as e:
    print("int(' -7 ')", '!!', type(e).__name__, e)
try:
    print("int('+7')", '->', repr(int('+7')))
except Exception as e:
    print("int('+7')", '!!', type(e).__name__, e)
try:
    print("int('7.0')", '->', repr(int('7.0')))
except Exception as e:
    print("int('7.0')", '!!', type(e).__name__, e)
try:
    print("float('0x10')", '->', repr(float('0x10')))
except Exception as e:
    print("float('0x10')", '!!', type(e).__name__, e)
try:
    print("int(b'12')", '->', repr(int(b'12')))
except Exception as e:
    print("int(b'12')", '!!', type(e).__name__, e)
try:
    print('hex(2**70)', '->', repr(hex(2**70)))
except Exception as e:
    print('hex(2**70)', '!!', type(e).__name__, e)
try:
    print('oct(-2**70)', '->', repr(oct(-2**70)))
except Exception as e:
    print('oct(-2**70)', '!!', type(e).__name__, e)
try:
    print('bin(2**65)', '->', repr(bin(2**65)))
except Exception as e:
    print('bin(2**65)', '!!', type(e).__name__, e)
try:
    print('str(-10**20)', '->', repr(str(-10**20)))
except Exception as e:
    print('str(-10**20)', '!!', type(e).__name__, e)
try:
    print('repr(10**19)', '->', repr(repr(10**19)))
except Exception as e:
    print('repr(10**19)', '!!', type(e).__name__, e)
try:
    print("format(10**20, ',')", '->', repr(format(10**20, ',')))
except Exception as e:
    print("format(10**20, ',')", '!!', type(e).__name__, e)
try:
    print("format(-10**20, 'x')", '->', repr(format(-10**20, 'x')))
except Exception as e:
    print("format(-10**20, 'x')", '!!', type(e).__name__, e)
try:
    print("f'{10**20:e}'", '->', repr(f'{10**20:e}'))
except Exception as e:
    print("f'{10**20:e}'", '!!', type(e).__name__, e)
try:
    print('int(12345678901234567890.0)', '->', repr(int(12345678901234567890.0)))
except Exception as e:
    print('int(12345678901234567890.0)', '!!', type(e).__name__, e)
try:
    print('float(12345678901234567891)', '->', repr(float(12345678901234567891)))
except Exception as e:
    print('float(12345678901234567891)', '!!', type(e).__name__, e)
try:
    print('12345678901234567891 == 12345678901234567891.0', '->', repr(12345678901234567891 == 12345678901234567891.0))
except Exception as e:
    print('12345678901234567891 == 12345678901234567891.0', '!!', type(e).__name__, e)
try:
    print('2**53 + 1 == float(2**53 + 1)', '->', repr(2**53 + 1 == float(2**53 + 1)))
except Exception as e:
    print('2**53 + 1 == float(2**53 + 1)', '!!', type(e).__name__, e)
try:
    print('10**20 < 1e20 + 1', '->', repr(10**20 < 1e20 + 1))
except Exception as e:
    print('10**20 < 1e20 + 1', '!!', type(e).__name__, e)
try:
    print('hash(2**64)', '->', repr(hash(2**64)))
except Exception as e:
    print('hash(2**64)', '!!', type(e).__name__, e)
try:
    print('hash(-2**64)', '->', repr(hash(-2**64)))
except Exception as e:
    print('hash(-2**64)', '!!', type(e).__name__, e)
try:
    print('hash(10**20)', '->', repr(hash(10**20)))
except Exception as e:
    print('hash(10**20)', '!!', type(e).__name__, e)
try:
    print('hash(1e20)', '->', repr(hash(1e20)))
except Exception as e:
    print('hash(1e20)', '!!', type(e).__name__, e)
try:
    print('hash(2**61 - 1)', '->', repr(hash(2**61 - 1)))
except Exception as e:
    print('hash(2**61 - 1)', '!!', type(e).__name__, e)
try:
    print('hash(-(2**61))', '->', repr(hash(-(2**61))))
except Exception as e:
    print('hash(-(2**61))', '!!', type(e).__name__, e)
try:
    print('3 == 3.0000000000000001', '->', repr(3 == 3.0000000000000001))
except Exception as e:
    print('3 == 3.0000000000000001', '!!', type(e).__name__, e)
try:
    print('0.1 + 0.2 > 0.3', '->', repr(0.1 + 0.2 > 0.3))
except Exception as e:
    print('0.1 + 0.2 > 0.3', '!!', type(e).__name__, e)
try:
    print("float('nan') == float('nan')", '->', repr(float('nan') == float('nan')))
except Exception as e:
    print("float('nan') == float('nan')", '!!', type(e).__name__, e)
try:
    print("[x := float('nan')] == [x]", '->', repr([x := float('nan')] == [x]))
except Exception as e:
    print("[x := float('nan')] == [x]", '!!', type(e).__name__, e)
try:
    print("max(float('nan'), 1)", '->', repr(max(float('nan'), 1)))
except Exception as e:
    print("max(float('nan'), 1)", '!!', type(e).__name__, e)
try:
    print("max(1, float('nan'))", '->', repr(max(1, float('nan'))))
except Exception as e:
    print("max(1, float('nan'))", '!!', type(e).__name__, e)
try:
    print("sorted([3, float('nan'), 1])", '->', repr(sorted([3, float('nan'), 1])))
except Exception as e:
    print("sorted([3, float('nan'), 1])", '!!', type(e).__name__, e)
try:
    print('min([2, 1.0, 1])', '->', repr(min([2, 1.0, 1])))
except Exception as e:
    print('min([2, 1.0, 1])', '!!', type(e).__name__, e)
try:
    print('sum([1e308, 1e308])', '->', repr(sum([1e308, 1e308])))
except Exception as e:
    print('sum([1e308, 1e308])', '!!', type(e).__name__, e)
try:
    print('sum([0.1] * 3) == 0.3', '->', repr(sum([0.1] * 3) == 0.3))
except Exception as e:
    print('sum([0.1] * 3) == 0.3', '!!', type(e).__name__, e)
try:
    print('int.bit_length(2**100)', '->', repr(int.bit_length(2**100)))
except Exception as e:
    print('int.bit_length(2**100)', '!!', type(e).__name__, e)
try:
    print("(255).to_bytes(1, 'little')", '->', repr((255).to_bytes(1, 'little')))
except Exception as e:
    print("(255).to_bytes(1, 'little')", '!!', type(e).__name__, e)
try:
    print("(-1).to_bytes(2, 'big', signed=True)", '->', repr((-1).to_bytes(2, 'big', signed=True)))
except Exception as e:
    print("(-1).to_bytes(2, 'big', signed=True)", '!!', type(e).__name__, e)
try:
    print("int.from_bytes(b'\\xff\\xfe', 'little', signed=True)", '->', repr(int.from_bytes(b'\xff\xfe', 'little', signed=True)))
except Exception as e:
    print("int.from_bytes(b'\\xff\\xfe', 'little', signed=True)", '!!', type(e).__name__, e)
try:
    print('(1.5).__round__()', '->', repr((1.5).__round__()))
except Exception as e:
    print('(1.5).__round__()', '!!', type(e).__name__, e)
try:
    print('(7).__floordiv__(2)', '->', repr((7).__floordiv__(2)))
except Exception as e:
    print('(7).__floordiv__(2)', '!!', type(e).__name__, e)
try:
    print('(7).__rtruediv__(2)', '->', repr((7).__rtruediv__(2)))
except Exception as e:
    print('(7).__rtruediv__(2)', '!!', type(e).__name__, e)
try:
    print('(2.5).__trunc__()', '->', repr((2.5).__trunc__()))
except Exception as e:
    print('(2.5).__trunc__()', '!!', type(e).__name__, e)
try:
    print('int.__add__(1, 2)', '->', repr(int.__add__(1, 2)))
except Exception as e:
    print('int.__add__(1, 2)', '!!', type(e).__name__, e)
try:
    print('float.__add__(1.0, 2)', '->', repr(float.__add__(1.0, 2)))
except Exception as e:
    print('float.__add__(1.0, 2)', '!!', type(e).__name__, e)
try:
    print('True / False', '->', repr(True / False))
except Exception as e:
    print('True / False', '!!', type(e).__name__, e)
try:
    print('1 // True', '->', repr(1 // True))
except Exception as e:
    print('1 // True', '!!', type(e).__name__, e)
try:
    print('[1, 2][True]', '->', repr([1, 2][True]))
except Exception as e:
    print('[1, 2][True]', '!!', type(e).__name__, e)
try:
    print("'ab' * True", '->', repr('ab' * True))
except Exception as e:
    print("'ab' * True", '!!', type(e).__name__, e)
try:
    print('divmod(True, 2)', '->', repr(divmod(True, 2)))
except Exception as e:
    print('divmod(True, 2)', '!!', type(e).__name__, e)
try:
    print('~False', '->', repr(~False))
except Exception as e:
    print('~False', '!!', type(e).__name__, e)
try:
    print('-True ** 2', '->', repr(-True ** 2))
except Exception as e:
    print('-True ** 2', '!!', type(e).__name__, e)
try:
    print('True ** -1', '->', repr(True ** -1))
except Exception as e:
    print('True ** -1', '!!', type(e).__name__, e)
