# limits: --max-duration=0.5
# expect: TimeoutError
def k(x):
    while True:
        pass
sorted([3, 1, 2], key=k)
