# a 1000-long __context__ chain must print without C recursion
# limits: 
# expect: RecursionError
def f(n):
    try:
        raise ValueError(n)
    except ValueError:
        f(n + 1)
f(0)
