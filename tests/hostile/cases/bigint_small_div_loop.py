# limits: --max-duration=0.5
# expect: TimeoutError
# Dividing a 64M-bit number by small divisors over and over: each pass is
# linear and allocates, the interpreter loop's poll must end it.
x = (1 << 64_000_000) - 1
d = 3
while True:
    x = x // d + (x % 1000003)
    d += 2
