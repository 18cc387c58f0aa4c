# limits: 
# expect: RecursionError
def g():
    for x in g():
        yield x
next(g())
