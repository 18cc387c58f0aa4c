# limits: --max-duration=0.5
# expect: TimeoutError
for x in map(abs, range(10**18)):
    pass
