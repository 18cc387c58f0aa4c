# limits: --max-duration=0.5
# expect: TimeoutError
min(range(10**18))
