# limits: --max-duration=0.5
# expect: TimeoutError
for i in range(10**18):
    pass
