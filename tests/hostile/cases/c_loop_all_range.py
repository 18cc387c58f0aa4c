# limits: --max-duration=0.5
# expect: TimeoutError
all(range(1, 10**18))
