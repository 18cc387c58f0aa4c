# limits: --max-duration=0.5
# expect: TimeoutError
while True:
    pass
