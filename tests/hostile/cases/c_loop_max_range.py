# limits: --max-duration=0.5
# expect: TimeoutError
max(range(10**18))
