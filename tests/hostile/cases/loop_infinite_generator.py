# limits: --max-duration=0.5
# expect: TimeoutError
def g():
    while True:
        yield 1
for x in g():
    pass
