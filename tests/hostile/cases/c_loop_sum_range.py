# a C loop (sum over range) with no bytecode inside must still poll the clock
# limits: --max-duration=0.5
# expect: TimeoutError
sum(range(10**18))
