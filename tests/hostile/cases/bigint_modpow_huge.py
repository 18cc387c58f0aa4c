# limits: --max-duration=0.5
# expect: TimeoutError|ok
a = (1 << 100000) - 1
x = pow(a, a, a + 2)
