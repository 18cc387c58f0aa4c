# RecursionError stays catchable, as in CPython
# limits: 
# expect: ok
# stdout: ^3\n$
def f(n):
    return f(n + 1)
caught = 0
for i in range(3):
    try:
        f(0)
    except RecursionError:
        caught += 1
print(caught)
