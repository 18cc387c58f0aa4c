# limits: --max-duration=0.5
# expect: TimeoutError
sum(x for x in range(10**18))
