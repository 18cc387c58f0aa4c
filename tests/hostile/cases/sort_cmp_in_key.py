# limits: --max-duration=0.5
# expect: TimeoutError
sorted(range(10**6), key=lambda x: sum(range(10**6)))
