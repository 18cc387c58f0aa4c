def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('exit')
        raise
x = g()
next(x)
x.close()
print('done')
