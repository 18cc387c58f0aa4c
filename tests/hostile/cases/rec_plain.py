# limits: 
# expect: RecursionError
# match: ^RecursionError: maximum recursion depth exceeded
def f():
    f()
f()
