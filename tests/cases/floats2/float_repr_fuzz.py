# Shortest float repr and float() parsing against CPython on thousands of
# doubles: random bit patterns, short decimals and their neighbours, ties,
# powers of two and ten, subnormals, signed zeros.
import math
import random

random.seed(20261127)
vals = [0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
        1.7976931348623157e308, 0.1, 0.2, 0.30000000000000004, 1e16, 1e17, 1e22, 1e23,
        9007199254740992.0, 9007199254740993.0, 4503599627370495.5, 0.5, 2.5, 1e-05, 1e-07,
        123456789012345.6, 1234567890123456.7, 0.000123, 9.999999999999999e22]
for _ in range(1500):  # any finite bit pattern
    m = random.getrandbits(52)
    e = random.randrange(-1074, 972)
    vals.append(math.ldexp(2 ** 52 + m, e - 52) if e > -1023 else math.ldexp(m, -1074))
for _ in range(1500):  # short decimals, scaled
    m = random.randrange(10 ** random.randrange(1, 17))
    k = random.randrange(0, 25)
    vals.append(m / 10 ** k if random.random() < 0.7 else m * 10.0 ** k)
for _ in range(1000):  # neighbours of short decimals
    x = random.randrange(100000) / 10 ** random.randrange(0, 12)
    for _ in range(random.randrange(1, 3)):
        x = math.nextafter(x, math.inf if random.random() < 0.5 else -math.inf)
    vals.append(x)
for _ in range(1000):  # dyadic: exact ties at many precisions
    vals.append(random.randrange(1, 10 ** 6) / 2 ** random.randrange(0, 40))
for e in range(-1074, 1024, 7):  # powers of two and their neighbours
    p = math.ldexp(1.0, e)
    vals += [p, math.nextafter(p, 0.0), math.nextafter(p, math.inf)]
for k in range(-30, 31):
    vals.append(float(f"1e{k}"))
vals += [-v for v in vals[::3]]

reprs = [repr(v) for v in vals]
for i in range(0, len(reprs), 16):
    print(" ".join(reprs[i:i + 16]))
print(sum(float(r) == v for r, v in zip(reprs, vals)), len(vals))
print(str(-0.0), f"{2.5}", f"{1e22!r}", str([0.1, 1e-7]))

texts = ["0", "-0", "-0.0", "0.5", ".5", "5.", "1e22", "1e23", "1e-22", "9007199254740993",
         "123456789012345678", "1234567890123456789", " 12.5 ", "1_000.25", "00012.5000",
         "-.5e1", "+1.5E+2", "1.5e-0", "0.000000000000000000001", "2.2250738585072011e-308",
         "4.9406564584124654e-324", "1.7976931348623157e308", "1e400", "-1e400", "1E0022"]
for _ in range(800):
    digits = "".join(random.choice("0123456789") for _ in range(random.randrange(1, 21)))
    pt = random.randrange(len(digits) + 1)
    t = digits[:pt] + "." + digits[pt:] if pt else digits
    if random.random() < 0.4:
        t += f"e{random.randrange(-30, 31)}"
    texts.append(("-" if random.random() < 0.3 else "") + t)
print(" ".join(float(t).hex() for t in texts))
for bad in ["1e", "e5", ".", "1..2", "--1", "", "+", "1e+", "1_", "_1"]:
    try:
        float(bad)
    except ValueError as exc:
        print(exc)
