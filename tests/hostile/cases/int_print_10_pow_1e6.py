# computing 10**10**6 is allowed (slow); printing it is the 4300-digit ValueError
# limits: --max-duration=5
# expect: ValueError|TimeoutError
print(10**10**6)
