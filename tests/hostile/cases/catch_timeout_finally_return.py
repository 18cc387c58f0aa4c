# return in finally discards an exception in Python: not a limit's
# limits: --max-duration=0.5
# expect: TimeoutError
def f():
    try:
        while True:
            pass
    finally:
        return 1
while True:
    f()
