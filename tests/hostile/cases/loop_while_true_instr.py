# the deterministic budget stops it (no duration given: CLI default 10 s)
# limits: --max-instructions=2000000
# expect: TimeoutError
while True:
    pass
