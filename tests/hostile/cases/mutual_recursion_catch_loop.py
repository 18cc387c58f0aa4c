# catching RecursionError and recursing again is exponential: only the clock stops it
# limits: --max-duration=1
# expect: TimeoutError
def f():
    try:
        f()
    except RecursionError:
        f()
f()
