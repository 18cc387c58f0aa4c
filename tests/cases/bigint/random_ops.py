# Differential: thousands of random big-int operations on operands of many
# sizes (both signs, around the Karatsuba and 64-bit-word boundaries); each
# category folds its results into a checksum so a mismatch names the op.
import math

state = 0x9E3779B97F4A7C15


def rnd(bits):
    global state
    r = 0
    got = 0
    while got < bits:
        state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        r = (r << 32) | (state >> 32)
        got += 32
    return r >> (got - bits) if bits > 0 else 0


SIZES = [1, 31, 32, 33, 63, 64, 65, 95, 127, 128, 129, 200, 640, 1279, 1280, 1281,
         1300, 2000, 2561, 4000, 5000, 9000]


def operand():
    k = rnd(8) % len(SIZES)
    bits = SIZES[k] + rnd(3) - 3
    if bits < 1:
        bits = 1
    v = rnd(bits)
    shape = rnd(3)
    if shape == 0:
        v = (1 << bits) - 1  # all ones: carries through every word
    elif shape == 1:
        v = 1 << bits  # a lone bit: borrows through every word
    elif shape == 2:
        v |= 1 << bits
    if rnd(1):
        v = -v
    return v


M = (1 << 61) - 1
sums = {}


def fold(name, v):
    if isinstance(v, str):  # str hashes are salted per process
        v = sum(ord(c) * (k + 1) for k, c in enumerate(v))
    sums[name] = (sums.get(name, 0) * 1000003 + hash(v)) % M


for i in range(600):
    a = operand()
    b = operand()
    fold("add", a + b)
    fold("sub", a - b)
    fold("mul", a * b)
    fold("cmp", (a < b) * 4 + (a == b) * 2 + (a >= b))
    fold("neg", -a)
    fold("inv", ~a)
    if b:
        fold("floordiv", a // b)
        fold("mod", a % b)
        q, r = divmod(a, b)
        fold("divmod", q * 7 + r)
        if q * b + r != a:
            print("divmod identity broken", i)
    fold("and", a & b)
    fold("or", a | b)
    fold("xor", a ^ b)
    s = rnd(12)
    fold("lshift", a << s)
    fold("rshift", a >> s)
    fold("rshift_big", b >> (abs(a) % 9000))
    fold("gcd", math.gcd(a, b))
    fold("bit_length", a.bit_length())
    if abs(a) < (1 << 13000):
        t = str(a)
        fold("str", len(t))
        fold("str", int(t) == a)
    fold("hex", int(hex(a), 16) == a)
    fold("bin", int(bin(a), 0) == a)
    n = (abs(a).bit_length() + 8) // 8
    bs = a.to_bytes(n, "little", signed=True)
    fold("bytes", int.from_bytes(bs, "little", signed=True) == a)
    fold("bytes", int.from_bytes(bs[::-1], "big"))
    try:
        f = float(a)
        fold("float", f)
        fold("float_cmp", (a < f) * 2 + (a == f))
        fold("truediv", a / b)
    except OverflowError as e:
        fold("float_err", str(e))
    except ZeroDivisionError as e:
        fold("float_err", str(e))
    e = rnd(5)
    if abs(a).bit_length() * e < 40000:
        fold("pow", a ** e)
    m = b if b else 7
    fold("pow3", pow(a, abs(b) % 5000 + 1, m))
    if rnd(2) == 0 and math.gcd(a, m) == 1 and abs(m) > 1:
        fold("pow3_inv", pow(a, -1, m))

for k in sorted(sums):
    print(k, sums[k])
x = 3 ** 2000
print(str(x)[:30], str(-x)[-30:], x % 1000000007, divmod(-x, 12345678901234567891))
print(float(x >> 2300), int(1e300) * 3 // 7)
