# limits: 
# expect: RuntimeError
# match: ^RuntimeError: generator ignored GeneratorExit$
def g():
    try:
        yield 1
    except GeneratorExit:
        yield 2
x = g()
next(x)
x.close()
