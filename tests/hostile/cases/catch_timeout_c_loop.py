# limits: --max-duration=0.5
# expect: TimeoutError
while True:
    try:
        sum(range(10**18))
    except BaseException:
        pass
