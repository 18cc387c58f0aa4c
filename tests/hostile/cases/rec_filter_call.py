# limits: 
# expect: RecursionError
def f(x):
    return list(filter(f, [x]))
f(0)
