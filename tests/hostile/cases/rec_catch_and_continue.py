# limits: 
# expect: ok
# stdout: ^True\nTrue\n$
def f(n):
    try:
        return f(n + 1)
    except RecursionError:
        return n
print(f(0) > 100)
print(f(0) > 100)
