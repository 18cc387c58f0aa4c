# Big-int arithmetic: pi digits by Machin's formula, factorials, Fibonacci, gcd, pow, bit ops.
# (str() of ints stays under CPython's 4300-digit limit.)
N = 11  # quick: 2

M = (1 << 61) - 1


def arctan_inv(x, unity):
    total = term = unity // x
    x2 = x * x
    n = 1
    sign = -1
    while term:
        term //= x2
        total += sign * (term // (2 * n + 1))
        sign = -sign
        n += 1
    return total


def pi_digits(digits):
    unity = 10 ** (digits + 10)
    pi = 4 * (4 * arctan_inv(5, unity) - arctan_inv(239, unity))
    return pi // 10 ** 10


def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


out = []
for k in range(N):
    p = pi_digits(3000 + 100 * k)
    f = fact(3000 + 250 * k)
    fb = fib(6000 + 500 * k)
    g = gcd(f + 1, fb) + gcd(fb, fib(3000 + 250 * k))
    mix = (f * fb) ^ (p << 100)
    q, r = divmod(f, p)
    out.append((str(p)[-8:], sum(int(c) for c in str(p)), f % M, fb % M, g,
                pow(3, f % 100000, M), len(bin(mix)), (mix >> 3000) % 1000000007,
                len(bin(q)), r % M, (-f // (fb + 1)) % 999983))
h = 0
for row in out:
    for v in row:
        h = (h * 31 + int(v)) % M
print(out[0])
print(out[-1])
print(h)
