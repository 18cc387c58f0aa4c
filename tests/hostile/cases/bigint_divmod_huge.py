# limits: --max-duration=0.5
# expect: TimeoutError|ok
a = (1 << 4 * 10**6) - 1
b = (1 << 2 * 10**6) - 3
while True:
    q, r = divmod(a, b)
