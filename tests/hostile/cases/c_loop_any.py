# limits: --max-duration=0.5
# expect: TimeoutError
any(x < 0 for x in range(10**18))
