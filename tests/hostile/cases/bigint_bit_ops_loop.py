# limits: --max-duration=0.5
# expect: TimeoutError
a = (1 << 10**6) - 1
while True:
    b = (a ^ (a >> 1)) & ~(a << 3) | 12345
