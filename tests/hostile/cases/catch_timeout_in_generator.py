# limits: --max-duration=0.5
# expect: TimeoutError
def g():
    while True:
        try:
            yield 1
            while True:
                pass
        except BaseException:
            pass
for x in g():
    pass
