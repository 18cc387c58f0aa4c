# limits: --max-duration=1
# expect: TimeoutError|ok
x = 3 ** 10**7
