# limits: --max-recursion=100000000
# expect: RecursionError
def f(n):
    return {k: v for k, v in zip(map(f, [n + 1]), [0])}
f(0)
