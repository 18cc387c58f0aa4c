# limits: --max-duration=0.5
# expect: TimeoutError
x = 0
while True:
    x = (x * 31 + 7) % 1000003
