# limits: --max-duration=0.5
# expect: TimeoutError
def k(x):
    try:
        while True:
            pass
    except BaseException:
        return 0
while True:
    try:
        sorted(range(100), key=k)
    except BaseException:
        pass
