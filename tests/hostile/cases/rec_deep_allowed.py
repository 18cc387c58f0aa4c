# Python calls do not use the C stack: a deep limit is just heap
# limits: --max-recursion=300000 --max-memory=536870912
# expect: ok
# stdout: ^250000\n$
def f(n):
    return 0 if n == 0 else 1 + f(n - 1)
print(f(250000))
