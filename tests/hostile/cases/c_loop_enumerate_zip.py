# limits: --max-duration=0.5
# expect: TimeoutError
for a, b in zip(enumerate(range(10**18)), range(10**18)):
    pass
