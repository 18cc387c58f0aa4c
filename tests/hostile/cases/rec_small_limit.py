# limits: --max-recursion=20
# expect: RecursionError
# stdout: ^0\n$
def f(n):
    return 0 if n == 0 else f(n - 1)
print(f(10))
f(50)
