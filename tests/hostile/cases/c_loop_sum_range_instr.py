# the instruction budget alone cannot see a C loop; the duration must stop it
# limits: --max-instructions=100000 --max-duration=2
# expect: TimeoutError
sum(range(10**18))
