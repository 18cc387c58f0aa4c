# limits: 
# expect: RecursionError
def f():
    return sum(f() for _ in (1,))
f()
