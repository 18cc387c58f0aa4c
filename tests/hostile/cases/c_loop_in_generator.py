# limits: --max-duration=0.5
# expect: TimeoutError
-1 in (i for i in range(10**18))
