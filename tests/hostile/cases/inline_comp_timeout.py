# An endless module-level comprehension polls the time limit.
# limits: --max-duration=0.5
# expect: TimeoutError
n = [x for x in iter(int, 1) if x]
