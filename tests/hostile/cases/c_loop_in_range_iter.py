# limits: --max-duration=0.5
# expect: TimeoutError
-1 in iter(range(10**18))
